using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling.Robots;

/// <summary>How a host's robots.txt was obtained, which decides what it means (RFC 9309 §2.3.1).</summary>
public enum RobotsAvailability
{
    /// <summary>Fetched and parsed: its rules apply.</summary>
    Parsed,
    /// <summary>4xx (or too many redirects): no robots.txt, so everything is allowed.</summary>
    Unavailable,
    /// <summary>5xx, 429, network failure or timeout: everything is disallowed until it is fetched again.</summary>
    Unreachable,
}

/// <summary>
/// A host's robots.txt as it applies to this crawler, with when to fetch it again and, when it could not be fetched,
/// the error that prevented it.
/// </summary>
public sealed record RobotsPolicy(
    RobotsRules Rules, RobotsAvailability Availability, IReadOnlyList<Uri> Sitemaps, DateTimeOffset ExpiresAt,
    CrawlError? FetchError = null)
{
    /// <summary>Why <paramref name="url"/> may not be fetched, or null when it may.</summary>
    public CrawlError? Refusal(Uri url)
    {
        if (Rules.IsAllowed(url))
            return null;
        if (Availability == RobotsAvailability.Unreachable)
            return FetchError is { Kind: CrawlErrorKinds.PrivateAddress } refused
                ? refused
                : new CrawlError(CrawlErrorKinds.RobotsUnavailable, $"robots.txt unreachable ({FetchError}): disallow all for now");
        var rule = Rules.DecidingRule(PercentEncoding.Normalize(url.PathAndQuery));
        return new CrawlError(CrawlErrorKinds.RobotsDisallowed, $"robots.txt {rule}");
    }
}
