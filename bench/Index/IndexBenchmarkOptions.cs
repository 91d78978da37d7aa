using Pursearch.Index.Native;

namespace Pursearch.Bench.Index;

/// <summary>Size of the index benchmark: catalog, query set, repetitions.</summary>
public sealed record IndexBenchmarkOptions
{
    public int Vectors { get; init; } = 100_000;
    public int Dimensions { get; init; } = 512;
    public int Queries { get; init; } = 200;
    public int Seed { get; init; } = 1;
    public VectorPrecision Precision { get; init; } = VectorPrecision.F32;
    /// <summary>Timed passes over the queries; each query's fastest run counts (other work shares this machine).</summary>
    public int Passes { get; init; } = 3;
    /// <summary>Vectors of the single-thread build comparison (a prefix of the catalog).</summary>
    public int SameThreadsVectors { get; init; } = 20_000;
}
