using Pursearch.Indexer.Crawling;

namespace Pursearch.Indexer.Scraping;

/// <summary>One page's events gathered: its outcome (fetched, 304, skipped or failed) and the products read from it.</summary>
public sealed record CrawlPage(CrawlEvent Outcome, IReadOnlyList<ProductExtracted> Products)
{
    public Uri Url => Outcome.Url;
}

/// <summary>
/// Gathers a crawl's event stream into pages: the crawler emits a page's products and then exactly one outcome, and a
/// page's events are never interleaved with another's, so products are held until their outcome arrives.
/// </summary>
public sealed class PageAssembler
{
    private readonly List<ProductExtracted> _pending = [];

    /// <summary>The pages this event completes: none for a product, one for an outcome.</summary>
    public IEnumerable<CrawlPage> Accept(CrawlEvent crawlEvent)
    {
        if (crawlEvent is ProductExtracted product)
        {
            _pending.Add(product);
            return [];
        }
        var products = _pending.Where(p => p.Url == crawlEvent.Url).ToList();
        _pending.Clear();
        return [new CrawlPage(crawlEvent, products)];
    }
}
