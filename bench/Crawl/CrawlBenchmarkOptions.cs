namespace Pursearch.Bench.Crawl;

/// <summary>Size of a crawl benchmark run: the Forge world served, the fetch concurrency every contender gets, timed
/// rounds per contender, and whether the end-to-end run also embeds (crawl → store → embed → index).</summary>
public sealed record CrawlBenchmarkOptions
{
    public int Products { get; init; } = 400;
    public int Seed { get; init; } = 7;
    /// <summary>Requests in flight at once, over all shops, for the crawler and the baseline alike.</summary>
    public int Concurrency { get; init; } = 16;
    public int Rounds { get; init; } = 2;
    public bool Embed { get; init; }
}
