using Pursearch.Index.Native;

namespace Pursearch.Bench.Index;

/// <summary>Everything <c>pursearch bench index</c> measured, with the ratios against raw USearch.</summary>
public sealed record IndexBenchmarkResult(
    int Vectors,
    int Dimensions,
    int Queries,
    string Precision,
    int Threads,
    int DefaultExpansion,
    double BuildRatio,
    double QueryRatio,
    double RecallAt10,
    double BytesPerVector,
    BuildMeasurement Build,
    IReadOnlyList<UnfilteredMeasurement> Unfiltered,
    IReadOnlyList<FilteredMeasurement> Filtered,
    FilteredMeasurement Adversarial,
    DeleteMeasurement AfterDeletes,
    MemoryMeasurement Memory,
    SnapshotMeasurement Snapshot,
    IReadOnlyList<Check> Checks)
{
    public string UsearchVersion { get; init; } = UsearchLibrary.Version;

    public bool AllChecksPass => Checks.All(c => c.Pass);
}

/// <summary>Build throughput: the shard's parallel bulk add against the wrapper's add, and both on one thread.</summary>
public sealed record BuildMeasurement(
    double RawVectorsPerSecond,
    double ShardVectorsPerSecond,
    int ShardThreads,
    int SameThreadsVectors,
    double RawSameThreadsVectorsPerSecond,
    double ShardOneThreadVectorsPerSecond,
    double SameThreadsRatio);

/// <summary>
/// Unfiltered k-NN at one walk width: the shard reopened from its snapshot against raw search on the same
/// graph file; also the raw-built graph's recall and the freshly built (in-memory) shard's speed.
/// </summary>
public sealed record UnfilteredMeasurement(
    int Ef,
    double RecallAt10,
    double Qps,
    double RawRecallAt10,
    double RawQps,
    double QueryRatio,
    double RawOwnGraphRecallAt10,
    double BuiltShardQps);

/// <summary>Filtered k-NN at one selectivity: the planner's choice, and both plans forced.</summary>
public sealed record FilteredMeasurement(
    string Name,
    double Selectivity,
    long Matches,
    long EstimatedMatches,
    string Plan,
    int Expansion,
    double RecallAt10,
    double Qps,
    double HnswRecallAt10,
    double HnswQps,
    double ExactQps,
    double RawPostFilterRecallAt10);

/// <summary>Recall once a fifth of the shard is deleted.</summary>
public sealed record DeleteMeasurement(int Deleted, double RemovalsPerSecond, double RecallAt10, int DeletedReturned);

/// <summary>Bytes per vector, split by where they live.</summary>
public sealed record MemoryMeasurement(
    double NativeBytesPerVector,
    double ColumnBytesPerVector,
    double ListingBytesPerVector,
    double SnapshotBytesPerVector,
    string ExactScanReads);

/// <summary>Snapshot save/load/view times and whether the reopened shard answers identically.</summary>
public sealed record SnapshotMeasurement(double SaveSeconds, double LoadSeconds, double ViewMilliseconds, bool IdenticalAnswers);

/// <summary>One acceptance criterion and whether this run met it.</summary>
public sealed record Check(string Name, bool Pass, string Detail);
