namespace Pursearch.Bench.Crawl;

/// <summary>Size of a crawl benchmark run: the Forge world served, the fetch concurrency every contender gets, the
/// untimed warm-up and timed rounds per contender, and whether the end-to-end run also embeds (crawl → store → embed → index).</summary>
public sealed record CrawlBenchmarkOptions
{
    public int Products { get; init; } = 400;
    public int Seed { get; init; } = 7;
    /// <summary>Requests in flight at once, over all shops, for the crawler and the baseline alike.</summary>
    public int Concurrency { get; init; } = 16;
    /// <summary>Timed rounds: each gives one crawler/baseline ratio, and the result is their median.</summary>
    public int Rounds { get; init; } = 8;
    /// <summary>Every contender runs untimed for at least this long, and on until the crawler stops getting faster.</summary>
    public TimeSpan MinimumWarmUp { get; init; } = TimeSpan.FromSeconds(40);
    /// <summary>The warm-up ends here even if the crawler still gets faster.</summary>
    public TimeSpan MaximumWarmUp { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Each contender's turn in a round repeats its pass (crawl or fetch of every URL) until this much time is timed.</summary>
    public TimeSpan MinimumTurn { get; init; } = TimeSpan.FromSeconds(0.5);
    public bool Embed { get; init; }
}
