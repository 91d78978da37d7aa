using System.Collections.Concurrent;
using Pursearch.Indexer.Crawling.Fetching;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling.Robots;

/// <summary>
/// Fetches each origin's robots.txt once (concurrent callers share the fetch), keeps it until it expires, and maps
/// the answer per RFC 9309: 2xx → parsed rules, 4xx → allow all, 5xx/429/unreachable → disallow all.
/// </summary>
public sealed class RobotsCache(PageFetcher fetcher, CrawlerOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _entries = new(StringComparer.Ordinal);

    /// <summary>Raised once per fetch of a robots.txt, before anyone uses it (to apply its Crawl-delay).</summary>
    public event Action<string, RobotsPolicy>? Loaded;

    /// <summary>The policy of the origin <paramref name="url"/> belongs to, fetching robots.txt if needed.</summary>
    public async Task<RobotsLookup> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        var origin = UrlCanonicalizer.OriginOf(url);
        while (true)
        {
            var lazy = _entries.GetOrAdd(origin, o => NewEntry(o, cancellationToken));
            var entry = await lazy.Value;
            if (entry.Policy.ExpiresAt > time.GetUtcNow())
                return new RobotsLookup(entry.Policy, entry.ClaimSitemaps());
            _entries.TryUpdate(origin, NewEntry(origin, cancellationToken), lazy);
        }
    }

    private Lazy<Task<Entry>> NewEntry(string origin, CancellationToken cancellationToken) =>
        new(() => LoadAsync(origin, cancellationToken));

    private async Task<Entry> LoadAsync(string origin, CancellationToken cancellationToken)
    {
        var url = new Uri(origin + "/robots.txt");
        var result = await fetcher.FetchAsync(
            new FetchRequest(url, RobotsTxt.MaxBytes)
            {
                TruncateAtLimit = true,
                AdmitRedirect = static (_, _) => ValueTask.FromResult<CrawlError?>(null),
            },
            cancellationToken);
        var policy = PolicyOf(result);
        Loaded?.Invoke(origin, policy);
        return new Entry(policy);
    }

    private RobotsPolicy PolicyOf(FetchResult result)
    {
        var now = time.GetUtcNow();
        if (result.Status == FetchStatus.Fetched)
        {
            var robots = RobotsTxt.Parse(result.Body);
            return new RobotsPolicy(robots.RulesFor(options.RobotsProductToken), RobotsAvailability.Parsed, robots.Sitemaps,
                now + options.RobotsLifetime);
        }
        var error = result.Error ?? new CrawlError(CrawlErrorKinds.Network, "no answer");
        var unavailable = error.Kind is CrawlErrorKinds.Http4xx or CrawlErrorKinds.TooManyRedirects or CrawlErrorKinds.RedirectLoop;
        return unavailable
            ? new RobotsPolicy(RobotsRules.AllowAll, RobotsAvailability.Unavailable, [], now + options.RobotsLifetime, error)
            : new RobotsPolicy(RobotsRules.DisallowAll, RobotsAvailability.Unreachable, [],
                now + options.RobotsUnreachableLifetime, error);
    }

    private sealed class Entry(RobotsPolicy policy)
    {
        private int _sitemapsClaimed;

        public RobotsPolicy Policy { get; } = policy;

        /// <summary>The Sitemap lines for the first caller only, so they are queued once per fetch.</summary>
        public IReadOnlyList<Uri> ClaimSitemaps() =>
            Interlocked.Exchange(ref _sitemapsClaimed, 1) == 0 ? Policy.Sitemaps : [];
    }
}

/// <summary>A robots policy and, for the first caller after a fetch, the Sitemap URLs it lists.</summary>
public sealed record RobotsLookup(RobotsPolicy Policy, IReadOnlyList<Uri> NewSitemaps);
