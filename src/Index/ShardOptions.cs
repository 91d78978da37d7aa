using Pursearch.Core;
using Pursearch.Core.Money;
using Pursearch.Index.Native;
using Pursearch.Index.Planning;

namespace Pursearch.Index;

/// <summary>How a shard is built and queried: the HNSW graph, the planner, prices' base currency, build threads.</summary>
public sealed record ShardOptions
{
    public ShardOptions(int dimensions)
    {
        // USearch walks with max(its expansion, results asked for); the shard asks for as many results as the
        // walk width it wants, so the graph's own expansion is kept at the floor.
        Graph = new HnswSettings(dimensions) { ExpansionSearch = 1 };
    }

    /// <summary>Walk width (ef) of an unfiltered query unless it asks for another.</summary>
    public int Expansion { get; init; } = 128;

    public HnswSettings Graph { get; init; }

    public PlannerSettings Planner { get; init; } = new();

    /// <summary>Prices are kept and compared in <see cref="ExchangeRates.Base"/>.</summary>
    public ExchangeRates Rates { get; init; } = ExchangeRates.Default;

    /// <summary>Threads adding vectors in a bulk add (each calls <c>usearch_add</c>).</summary>
    public int BuildThreads { get; init; } = Environment.ProcessorCount;

    public int Dimensions => Graph.Dimensions;

    internal void Validate()
    {
        Graph.Validate();
        Planner.Validate();
        if (Expansion is < 1 or > 4096)
            throw new DomainException("expansion", $"{Expansion} is out of range 1..4096");
        if (BuildThreads < 1 || BuildThreads > Graph.Threads)
            throw new DomainException("buildThreads", $"{BuildThreads} must be in 1..{Graph.Threads} (the graph's thread slots)");
    }
}
