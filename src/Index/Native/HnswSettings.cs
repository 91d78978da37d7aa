using Pursearch.Core;

namespace Pursearch.Index.Native;

/// <summary>Shape and tuning of one native HNSW graph (cosine metric).</summary>
public sealed record HnswSettings
{
    /// <summary>Concurrent native calls allowed: USearch keeps one search context per thread slot.</summary>
    public static int DefaultThreads => Math.Max(4, Environment.ProcessorCount);

    public int Dimensions { get; }
    public VectorPrecision Precision { get; init; } = VectorPrecision.F32;
    /// <summary>Links per node (M); USearch's default is 16.</summary>
    public int Connectivity { get; init; } = 16;
    /// <summary>Candidate list size while inserting (efConstruction).</summary>
    public int ExpansionAdd { get; init; } = 128;
    /// <summary>Default candidate list size while searching (ef); a query may ask for more.</summary>
    public int ExpansionSearch { get; init; } = 64;
    public int Threads { get; init; } = DefaultThreads;

    public HnswSettings(int dimensions)
    {
        Dimensions = dimensions is > 0 and <= 65536
            ? dimensions
            : throw new DomainException("dimensions", $"{dimensions} is out of range 1..65536");
    }

    internal void Validate()
    {
        if (Connectivity is < 2 or > 256)
            throw new DomainException("connectivity", $"{Connectivity} is out of range 2..256");
        if (ExpansionAdd is < 1 or > 4096)
            throw new DomainException("expansionAdd", $"{ExpansionAdd} is out of range 1..4096");
        if (ExpansionSearch is < 1 or > 4096)
            throw new DomainException("expansionSearch", $"{ExpansionSearch} is out of range 1..4096");
        if (Threads is < 1 or > 1024)
            throw new DomainException("threads", $"{Threads} is out of range 1..1024");
        if (!Enum.IsDefined(Precision))
            throw new DomainException("precision", $"'{Precision}' is not a known precision");
    }
}
