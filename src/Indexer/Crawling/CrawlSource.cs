using System.Net;
using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling;

/// <summary>
/// What to crawl for one retailer: start URLs (listing pages, product pages or sitemaps), the hosts in scope,
/// politeness (requests per second and concurrent requests per host) and budgets (pages, depth, time).
/// </summary>
public sealed record CrawlSource
{
    public string Retailer { get; }
    public IReadOnlyList<Uri> StartUrls { get; }
    public CrawlScope Scope { get; }
    public double RequestsPerSecond { get; }
    public int ConcurrencyPerHost { get; }
    /// <summary>Requests for pages and sitemaps (robots.txt and retries are not counted).</summary>
    public int MaxPages { get; }
    /// <summary>Links followed from a start URL; pagination (<c>rel=next</c>) and sitemap entries do not deepen.</summary>
    public int MaxDepth { get; }
    public TimeSpan TimeBudget { get; }
    /// <summary>Whether private, loopback and link-local addresses may be fetched (demo and tests).</summary>
    public bool AllowPrivate { get; }
    /// <summary>Non-public networks allowed even when <see cref="AllowPrivate"/> is off (e.g. one staging host).</summary>
    public IReadOnlyList<IPNetwork> AllowedNetworks { get; }
    /// <summary>Whether the Sitemap lines of each host's robots.txt are crawled too.</summary>
    public bool FollowRobotsSitemaps { get; }

    public CrawlSource(
        string retailer, IEnumerable<Uri> startUrls, IEnumerable<string>? allowedHosts = null,
        double requestsPerSecond = 1, int concurrencyPerHost = 2, int maxPages = 1000, int maxDepth = 10,
        TimeSpan? timeBudget = null, bool allowPrivate = false, IEnumerable<IPNetwork>? allowedNetworks = null,
        bool followRobotsSitemaps = true)
    {
        Retailer = RetailerSlug.Normalize(retailer);
        StartUrls = (startUrls ?? throw new DomainException("startUrls", "are required"))
            .Select(url => UrlCanonicalizer.Canonicalize(Guard.HttpUrl(url?.OriginalString, "startUrls")))
            .Distinct()
            .ToList();
        if (StartUrls.Count == 0)
            throw new DomainException("startUrls", "at least one start URL is required");
        var hosts = allowedHosts?.ToList();
        Scope = hosts is { Count: > 0 } ? new CrawlScope(hosts) : CrawlScope.ForStartUrls(StartUrls);
        RequestsPerSecond = double.IsFinite(requestsPerSecond) && requestsPerSecond > 0
            ? requestsPerSecond
            : throw new DomainException("requestsPerSecond", $"{requestsPerSecond} must be a positive number");
        ConcurrencyPerHost = Positive(concurrencyPerHost, "concurrencyPerHost");
        MaxPages = Positive(maxPages, "maxPages");
        MaxDepth = maxDepth >= 0 ? maxDepth : throw new DomainException("maxDepth", "must not be negative");
        TimeBudget = timeBudget ?? TimeSpan.FromHours(1);
        if (TimeBudget <= TimeSpan.Zero || TimeBudget > TimeSpan.FromDays(30))
            throw new DomainException("timeBudget", "must be positive and at most 30 days");
        AllowPrivate = allowPrivate;
        AllowedNetworks = allowedNetworks?.ToList() ?? [];
        FollowRobotsSitemaps = followRobotsSitemaps;
    }

    /// <summary>The least time between two request starts to one host, before any Crawl-delay.</summary>
    public TimeSpan RequestInterval => TimeSpan.FromSeconds(1 / RequestsPerSecond);

    private static int Positive(int value, string field) =>
        value > 0 ? value : throw new DomainException(field, $"{value} must be positive");
}
