using Pursearch.Core.Catalog;

namespace Pursearch.Indexer.Scraping;

/// <summary>How embedding the products a scrape queued went.</summary>
public sealed record EmbeddingOutcome(long Embedded, long Failed, long AlreadyCurrent);

/// <summary>
/// Where a scrape hands the products that need a new vector (new products, changed images) as soon as they are
/// committed. One queue serves one scrape, which completes it when the crawl is done.
/// </summary>
public interface IEmbeddingQueue
{
    ValueTask EnqueueAsync(IReadOnlyList<ProductId> ids, CancellationToken cancel);

    /// <summary>No more ids will come: waits until every queued product is embedded (or skipped).</summary>
    Task<EmbeddingOutcome> CompleteAsync(CancellationToken cancel);
}
