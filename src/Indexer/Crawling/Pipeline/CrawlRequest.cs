namespace Pursearch.Indexer.Crawling.Pipeline;

/// <summary>What a URL is expected to be: a page (sniffed on arrival) or a sitemap (plain-text lists allowed too).</summary>
public enum RequestKind
{
    Page,
    Sitemap,
}

/// <summary>A URL the frontier hands out for fetching, with its link depth from the start URLs.</summary>
public sealed record CrawlRequest(Uri Url, int Depth, RequestKind Kind, string Origin);

/// <summary>A link found on a fetched page (or in a sitemap or robots.txt), with the depth it would be crawled at.</summary>
public sealed record DiscoveredLink(Uri Url, int Depth, RequestKind Kind);
