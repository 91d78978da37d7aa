using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling;

/// <summary>Technical limits of the crawler, the same for every source (a source sets rates and budgets).</summary>
public sealed record CrawlerOptions
{
    public string UserAgent { get; init; } = CrawlUserAgent.Default;
    public string RobotsProductToken { get; init; } = CrawlUserAgent.ProductToken;

    /// <summary>Pages being fetched and parsed at once over all hosts (each host also has its own limit).</summary>
    public int MaxConcurrentFetches { get; init; } = 16;

    public long MaxResponseBytes { get; init; } = 10L * 1024 * 1024;
    /// <summary>A sitemap's size after decompression (the sitemaps protocol allows 50 MB).</summary>
    public long MaxSitemapBytes { get; init; } = 50L * 1024 * 1024;
    public int MaxSitemapUrls { get; init; } = 50_000;
    public int MaxRedirects { get; init; } = 5;

    /// <summary>One HTTP attempt, from sending to the last byte of the body.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Every attempt, retry delay and politeness wait of one request together.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(120);
    public int MaxRetries { get; init; } = 3;
    /// <summary>First backoff delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>A Retry-After longer than this is not waited for: the page fails as rate-limited or 5xx.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public double BreakerFailureRatio { get; init; } = 0.5;
    public int BreakerMinimumThroughput { get; init; } = 20;
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A robots.txt Crawl-delay above this is capped (a hostile file cannot stall the crawler forever).</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>RFC 9309 §2.4: a fetched robots.txt should not be used for more than 24 hours.</summary>
    public TimeSpan RobotsLifetime { get; init; } = TimeSpan.FromHours(24);
    /// <summary>How long an unreachable robots.txt (disallow all) is believed before it is fetched again.</summary>
    public TimeSpan RobotsUnreachableLifetime { get; init; } = TimeSpan.FromMinutes(2);

    public TrapDetectionOptions Traps { get; init; } = new();
}
