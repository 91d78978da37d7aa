using Pursearch.Indexer.Crawling;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.Scraping;

/// <summary>
/// After a run, marks the retailer's products it did not see as unavailable (never deleting them) — but only when the
/// run proves they are gone: it crawled everything it found, and no page failed inconclusively where products may
/// hide (a known product page that failed was counted as seen when its batch committed).
/// </summary>
public static class GoneProductSweep
{
    public static async Task<GoneSweep> RunAsync(ICatalogStore catalog, string retailer, DateTimeOffset runStarted,
        CrawlStopReason stopReason, IReadOnlyCollection<string> unseenBehindFailures, CancellationToken cancel)
    {
        if (stopReason != CrawlStopReason.Completed)
            return GoneSweep.Skipped($"the crawl stopped early ({stopReason})");
        if (unseenBehindFailures.Count > 0)
            return GoneSweep.Skipped($"{unseenBehindFailures.Count} pages failed where products may be listed, e.g. {unseenBehindFailures.First()}");
        return new GoneSweep(true, await catalog.MarkUnavailableAsync(retailer, runStarted, cancel), null);
    }
}
