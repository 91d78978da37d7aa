namespace Pursearch.Indexer.Crawling;

/// <summary>The kinds a failed page is recorded under (the <c>Kind</c> of <see cref="Core.Scraping.ScrapeError"/>).</summary>
public static class CrawlErrorKinds
{
    public const string Http4xx = "http-4xx";
    public const string Http5xx = "http-5xx";
    /// <summary>429 Too Many Requests still answered after the retries (or with a Retry-After beyond the cap).</summary>
    public const string RateLimited = "rate-limited";
    public const string Timeout = "timeout";
    public const string TooLarge = "too-large";
    /// <summary>A redirect back to a URL already visited in the same chain.</summary>
    public const string RedirectLoop = "redirect-loop";
    /// <summary>A chain of distinct redirects longer than the limit.</summary>
    public const string TooManyRedirects = "too-many-redirects";
    /// <summary>A 3xx answer without a usable Location.</summary>
    public const string BadRedirect = "bad-redirect";
    /// <summary>A redirect (or start URL) leaving the source's allowed hosts; never followed.</summary>
    public const string OutOfScope = "out-of-scope";
    public const string RobotsDisallowed = "robots-disallowed";
    /// <summary>The host's robots.txt answered 5xx or could not be reached, which means "disallow all" for now.</summary>
    public const string RobotsUnavailable = "robots-unavailable";
    public const string ParseError = "parse-error";
    public const string Trap = "trap";
    public const string PrivateAddress = "private-address";
    /// <summary>Connection refused or reset, DNS failure, broken transfer or content encoding.</summary>
    public const string Network = "network";
    /// <summary>The host's circuit breaker is open after too many failures; the request was not sent.</summary>
    public const string CircuitOpen = "circuit-open";
    /// <summary>The run was cancelled or ran out of time while the page was in flight.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>A bug: an unexpected exception while handling the page (the run goes on).</summary>
    public const string Internal = "internal";
}

/// <summary>Why a page failed: an error kind from <see cref="CrawlErrorKinds"/> and a human-readable message.</summary>
public sealed record CrawlError(string Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
