namespace Pursearch.Bench.Vision;

/// <summary>Size of an embed benchmark run: how many images, the batch size, ORT intra-op threads (0 = ORT's default)
/// and how many timed rounds each contender gets.</summary>
public sealed record EmbedBenchmarkOptions
{
    public int Images { get; init; } = 64;
    public int Batch { get; init; } = 16;
    public int Threads { get; init; }
    public int Rounds { get; init; } = 5;
    public int Seed { get; init; } = 7;
    public bool Spinning { get; init; }
}
