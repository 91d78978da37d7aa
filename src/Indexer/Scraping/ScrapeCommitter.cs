using Pursearch.Core.Catalog;
using Pursearch.Indexer.Crawling;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.Scraping;

/// <summary>
/// The commit stage of a scrape: one transaction per batch of pages (products upserted with their page validators,
/// 304 pages refreshing their products' last-seen time), then the counts by outcome, the errors for the run record,
/// and the products that need a new vector — new ones and those whose image changed, if their image is stored —
/// handed to the embedding queue. Price and availability changes only update the store; the search nodes take
/// them from its change feed without re-embedding.
/// </summary>
public sealed class ScrapeCommitter(
    IPageStateStore pages, string source, StoredPageValidators known, ScrapeCounters counters, ScrapeRunRecorder recorder,
    IEmbeddingQueue? embedding, TimeProvider time)
{
    private readonly List<ProductId> _queued = [];
    private readonly HashSet<string> _inconclusive = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Every product handed to embedding so far, in commit order.</summary>
    public IReadOnlyList<ProductId> Queued
    {
        get
        {
            lock (_gate)
                return [.. _queued];
        }
    }

    /// <summary>Pages that failed inconclusively and are not known product pages: products behind them may not have been seen.</summary>
    public IReadOnlyCollection<string> UnseenBehindFailures
    {
        get
        {
            lock (_gate)
                return [.. _inconclusive];
        }
    }

    public async Task CommitAsync(IReadOnlyList<PreparedPage> batch, CancellationToken cancel)
    {
        var fetched = new List<CrawledPage>();
        var unchanged = new List<string>();
        foreach (var prepared in batch)
            Sort(prepared, fetched, unchanged);
        var commit = await pages.CommitAsync(source, new PageBatch(fetched, unchanged, time.GetUtcNow()), cancel);
        counters.Add(ScrapeCounters.ProductsNotModified, commit.Touched);
        var products = fetched.SelectMany(p => p.Products).ToList();
        var toEmbed = new List<ProductId>();
        for (var i = 0; i < products.Count; i++)
        {
            counters.Add(commit.Outcomes[i]);
            if (commit.Outcomes[i] is UpsertOutcome.Created or UpsertOutcome.ImageChanged && products[i].ImageSha256 is not null)
                toEmbed.Add(products[i].Id);
        }
        if (toEmbed.Count == 0)
            return;
        lock (_gate)
            _queued.AddRange(toEmbed);
        counters.Add(ScrapeCounters.EmbedQueued, toEmbed.Count);
        if (embedding is not null)
            await embedding.EnqueueAsync(toEmbed, cancel);
    }

    private void Sort(PreparedPage prepared, List<CrawledPage> fetched, List<string> unchanged)
    {
        foreach (var error in prepared.Errors)
            Record(error.Kind, error);
        var url = prepared.Page.Url.AbsoluteUri;
        switch (prepared.Page.Outcome)
        {
            case PageFetched { Kind: PageKind.Product } page:
                var validators = prepared.ImagesComplete ? page.Validators : null;
                fetched.Add(new CrawledPage(url, validators?.ETag, validators?.LastModified, prepared.Products));
                break;
            case PageNotModified:
                unchanged.Add(url);
                break;
            case PageSkipped skipped:
                counters.Add(ScrapeCounters.ProductsSkipped);
                Record(ScrapeErrorKinds.PageSkipped, new(ScrapeErrorKinds.PageSkipped, url, skipped.Reason, skipped.At));
                break;
            case PageFailed { Error.Kind: CrawlErrorKinds.RobotsDisallowed }:
                counters.Add(ScrapeCounters.PagesDisallowed);
                break;
            case PageFailed failed:
                Record(failed.Error.Kind, failed.ToScrapeError());
                if (!ScrapeErrorKinds.IsInconclusive(failed.Error.Kind))
                    break;
                if (known.IsProductPage(failed.Url))
                    unchanged.Add(url);
                else
                    lock (_gate)
                        _inconclusive.Add(url);
                break;
        }
    }

    private void Record(string kind, Core.Scraping.ScrapeError error)
    {
        counters.AddError(kind);
        recorder.Error(error);
    }
}
