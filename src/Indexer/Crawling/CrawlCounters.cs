using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Pursearch.Indexer.Crawling;

/// <summary>A consistent-enough copy of a run's counters at one moment, for progress displays and the run record.</summary>
public sealed record CrawlProgress(
    long PagesFetched, long NotModified, long ProductsExtracted, long PagesSkipped, long SitemapsFetched, long Bytes,
    ImmutableSortedDictionary<string, long> ErrorsByKind, int Queued, int InFlight, long LinksOutOfScope,
    long LinksTooDeep, TimeSpan Elapsed)
{
    public long Errors => ErrorsByKind.Values.Sum();

    /// <summary>The counters under the names a <see cref="Core.Scraping.ScrapeRun"/> keeps (errors as <c>errors.{kind}</c>).</summary>
    public IReadOnlyDictionary<string, long> ToRunCounters()
    {
        var counters = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["pages.fetched"] = PagesFetched,
            ["pages.not-modified"] = NotModified,
            ["pages.skipped"] = PagesSkipped,
            ["sitemaps.fetched"] = SitemapsFetched,
            ["products.extracted"] = ProductsExtracted,
            ["bytes"] = Bytes,
            ["links.out-of-scope"] = LinksOutOfScope,
            ["links.too-deep"] = LinksTooDeep,
            ["errors"] = Errors,
        };
        foreach (var (kind, count) in ErrorsByKind)
            counters["errors." + kind] = count;
        return counters;
    }
}

/// <summary>Live counters of one run, updated as its events pass and readable from any thread.</summary>
public sealed class CrawlCounters(TimeProvider time, Func<(int Queued, int InFlight, long OutOfScope, long TooDeep)> frontierState)
{
    private readonly long _started = time.GetTimestamp();
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _pagesFetched;
    private long _notModified;
    private long _products;
    private long _skipped;
    private long _sitemaps;
    private long _bytes;

    public void Record(CrawlEvent crawlEvent)
    {
        switch (crawlEvent)
        {
            case ProductExtracted:
                Interlocked.Increment(ref _products);
                break;
            case PageFetched fetched:
                Interlocked.Increment(ref _pagesFetched);
                Interlocked.Add(ref _bytes, fetched.Bytes);
                if (fetched.Kind == PageKind.Sitemap)
                    Interlocked.Increment(ref _sitemaps);
                break;
            case PageNotModified:
                Interlocked.Increment(ref _notModified);
                break;
            case PageSkipped:
                Interlocked.Increment(ref _pagesFetched);
                Interlocked.Increment(ref _skipped);
                break;
            case PageFailed failed:
                _errors.AddOrUpdate(failed.Error.Kind, 1, (_, count) => count + 1);
                break;
        }
    }

    public CrawlProgress Snapshot()
    {
        var (queued, inFlight, outOfScope, tooDeep) = frontierState();
        return new CrawlProgress(
            Interlocked.Read(ref _pagesFetched), Interlocked.Read(ref _notModified), Interlocked.Read(ref _products),
            Interlocked.Read(ref _skipped), Interlocked.Read(ref _sitemaps), Interlocked.Read(ref _bytes),
            _errors.ToImmutableSortedDictionary(StringComparer.Ordinal), queued, inFlight, outOfScope, tooDeep,
            time.GetElapsedTime(_started));
    }
}
