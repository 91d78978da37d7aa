using Pursearch.Core.Catalog;
using Pursearch.Core.Scraping;
using Pursearch.Indexer.Crawling;

namespace Pursearch.Indexer.Scraping;

/// <summary>
/// How a scrape ended: its run (id, and whether it continued an unfinished one), final status, why the crawl stopped,
/// this attempt's counters, the products handed to embedding, whether gone products were swept (and how many were
/// marked unavailable), and how embedding went when a queue was given.
/// </summary>
public sealed record ScrapeResult(
    string RunId,
    bool Resumed,
    ScrapeRunStatus Status,
    CrawlStopReason StopReason,
    ScrapeProgress Progress,
    IReadOnlyList<ProductId> QueuedForEmbedding,
    GoneSweep Sweep,
    EmbeddingOutcome? Embedding)
{
    public long Counter(string name) => Progress.Counter(name);
}

/// <summary>Whether the products a run did not see were marked unavailable, how many, and if not, why.</summary>
public sealed record GoneSweep(bool Done, int MarkedUnavailable, string? SkippedBecause)
{
    public static GoneSweep Skipped(string because) => new(false, 0, because);
}
