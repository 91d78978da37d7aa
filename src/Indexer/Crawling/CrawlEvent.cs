using Pursearch.Core.Catalog;
using Pursearch.Core.Scraping;
using Pursearch.Indexer.Crawling.Extraction;

namespace Pursearch.Indexer.Crawling;

/// <summary>What a fetched page turned out to be.</summary>
public enum PageKind
{
    /// <summary>A page that yielded at least one product.</summary>
    Product,
    /// <summary>An HTML page without products (listing, home, category ...): only its links count.</summary>
    Listing,
    Sitemap,
}

/// <summary>
/// Something the crawl emits, in order per page: the page's <see cref="ProductExtracted"/> events, then exactly one
/// outcome — <see cref="PageFetched"/>, <see cref="PageNotModified"/>, <see cref="PageSkipped"/> or
/// <see cref="PageFailed"/>. Links refused before any request (traps, start URLs out of scope) emit a
/// <see cref="PageFailed"/> alone.
/// </summary>
public abstract record CrawlEvent(Uri Url, DateTimeOffset At);

/// <summary>A valid product read from a page: the catalog <see cref="Core.Catalog.Product"/> and everything extraction found.</summary>
public sealed record ProductExtracted(Uri Url, DateTimeOffset At, Product Product, ExtractedProduct Details) : CrawlEvent(Url, At);

/// <summary>
/// A page fetched and handled. <see cref="Validators"/> is set only for pages that yielded products: a 304 skips the
/// body, and so the links, which only product pages can spare.
/// </summary>
public sealed record PageFetched(
    Uri Url, DateTimeOffset At, Uri FinalUrl, int StatusCode, PageKind Kind, int Products, int Links,
    PageValidators? Validators, long Bytes, TimeSpan Elapsed) : CrawlEvent(Url, At);

/// <summary>The server answered 304 to a conditional GET: the page's products are unchanged.</summary>
public sealed record PageNotModified(Uri Url, DateTimeOffset At, PageValidators Validators, TimeSpan Elapsed) : CrawlEvent(Url, At);

/// <summary>A page fetched but not usable: product markup without price or image, noindex, not HTML ...</summary>
public sealed record PageSkipped(Uri Url, DateTimeOffset At, string Reason, int Links) : CrawlEvent(Url, At);

/// <summary>A page that could not be fetched or handled, or a link refused; never stops the run.</summary>
public sealed record PageFailed(Uri Url, DateTimeOffset At, CrawlError Error) : CrawlEvent(Url, At)
{
    public ScrapeError ToScrapeError() => new(Error.Kind, Url.AbsoluteUri, Error.Message, At);
}

/// <summary>Receives a crawl's events one at a time, with back-pressure: the crawl waits while it is busy.</summary>
public interface ICrawlEventSink
{
    ValueTask AcceptAsync(CrawlEvent crawlEvent, CancellationToken cancellationToken);
}
