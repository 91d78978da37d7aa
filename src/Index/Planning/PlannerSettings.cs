using Pursearch.Core;

namespace Pursearch.Index.Planning;

/// <summary>When the planner scans exactly, and how far it widens filtered HNSW walks.</summary>
public sealed record PlannerSettings
{
    /// <summary>Scan exactly when a filter is estimated to match at most this share of the shard...</summary>
    public double ExactShare { get; init; } = 0.05;

    /// <summary>...and at most this many rows.</summary>
    public int ExactMaxRows { get; init; } = 20_000;

    /// <summary>
    /// How much wider than the default a filtered walk gets each time the filter's estimated share halves
    /// (0.125: an eighth of the default per halving, so 10 % gets about 1.4 times the default).
    /// </summary>
    public double ExpansionGrowth { get; init; } = 0.125;

    public int MaxExpansion { get; init; } = 2048;

    internal void Validate()
    {
        if (ExactShare is < 0 or > 1)
            throw new DomainException("exactShare", $"{ExactShare} is out of range 0..1");
        if (ExactMaxRows < 0)
            throw new DomainException("exactMaxRows", "must not be negative");
        if (ExpansionGrowth is < 0 or > 4)
            throw new DomainException("expansionGrowth", $"{ExpansionGrowth} is out of range 0..4");
        if (MaxExpansion is < 1 or > 4096)
            throw new DomainException("maxExpansion", $"{MaxExpansion} is out of range 1..4096");
    }
}
