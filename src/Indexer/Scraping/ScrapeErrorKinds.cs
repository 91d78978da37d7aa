using Pursearch.Indexer.Crawling;

namespace Pursearch.Indexer.Scraping;

/// <summary>
/// The error kinds a scrape adds to the crawler's (<see cref="CrawlErrorKinds"/>): skipped product pages, and image
/// failures as <c>image-{kind}</c> (a fetch failure keeps the crawler's kind, e.g. <c>image-too-large</c>).
/// </summary>
public static class ScrapeErrorKinds
{
    /// <summary>A page that looked like a product but could not be read as one (no price, no image ...).</summary>
    public const string PageSkipped = "page-skipped";
    public const string ImagePrefix = "image-";
    /// <summary>The bytes end before the image does.</summary>
    public const string ImageTruncated = "image-truncated";
    public const string ImageUnsupported = "image-unsupported";
    public const string ImageCorrupt = "image-corrupt";
    public const string ImageEmpty = "image-empty";
    public const string ImageTooLarge = "image-too-large";
    public const string ImageTooManyPixels = "image-too-many-pixels";

    public static string OfImageFetch(CrawlError error) => ImagePrefix + error.Kind;

    /// <summary>
    /// Whether a failed page proves nothing about the products behind it (server trouble, timeouts, limits): a complete
    /// run does not mark them gone. A 4xx answer means gone; robots and scope refusals and traps are decisions, not trouble.
    /// </summary>
    public static bool IsInconclusive(string kind) => kind is not (CrawlErrorKinds.Http4xx or CrawlErrorKinds.RobotsDisallowed
        or CrawlErrorKinds.OutOfScope or CrawlErrorKinds.Trap or CrawlErrorKinds.PrivateAddress);
}
