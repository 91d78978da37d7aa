namespace Pursearch.Bench.Ingest;

/// <summary>Size of an ingest benchmark run: images, the batch and ORT intra-op threads shared by every contender
/// (0 = ORT's default), the pipeline's decode parallelism, and how many timed rounds each contender gets.</summary>
public sealed record IngestBenchmarkOptions
{
    public int Images { get; init; } = 128;
    public int Batch { get; init; } = 16;
    public int Threads { get; init; }
    public int DecodeParallelism { get; init; } = 2;
    public int Rounds { get; init; } = 2;
    public int Seed { get; init; } = 7;
}
