using Pursearch.Indexer.Crawling;

namespace Pursearch.Indexer.Scraping;

/// <summary>A scrape's state at one moment: the crawl's counters and the scrape's own (see <see cref="ScrapeCounters"/>).</summary>
public sealed record ScrapeProgress(string RunId, string Source, CrawlProgress Crawl, IReadOnlyDictionary<string, long> Counters)
{
    public long Counter(string name) => Counters.GetValueOrDefault(name);

    /// <summary>Every counter as the run record keeps it: the crawl's (its error tallies left to the scrape's own) and the scrape's.</summary>
    public IReadOnlyDictionary<string, long> RunCounters()
    {
        var all = Crawl.ToRunCounters()
            .Where(c => c.Key != "errors" && !c.Key.StartsWith(ScrapeCounters.ErrorPrefix, StringComparison.Ordinal))
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var (name, value) in Counters)
            all[name] = value;
        return all;
    }

    public long Errors => Counters.Where(c => c.Key.StartsWith(ScrapeCounters.ErrorPrefix, StringComparison.Ordinal)).Sum(c => c.Value);

    /// <summary>Pages answered (fetched, 304 or failed).</summary>
    public long PagesDone => Crawl.PagesFetched + Crawl.NotModified + Crawl.Errors;

    /// <summary>Pages known so far: answered, queued or in flight (grows as links are discovered).</summary>
    public long PagesKnown => PagesDone + Crawl.Queued + Crawl.InFlight;

    /// <summary>One line for logs and operation status: pages, 304s, products by outcome, images, errors.</summary>
    public string Line() =>
        $"{Crawl.PagesFetched} pages, {Crawl.NotModified} not modified, {Counter(ScrapeCounters.ProductsNew)} new, " +
        $"{Counter(ScrapeCounters.ProductsPriceChanged) + Counter(ScrapeCounters.ProductsImageChanged) + Counter(ScrapeCounters.ProductsChanged)} changed, " +
        $"{Counter(ScrapeCounters.ProductsUnchanged) + Counter(ScrapeCounters.ProductsNotModified)} unchanged, " +
        $"{Counter(ScrapeCounters.ProductsSkipped)} skipped, {Counter(ScrapeCounters.ImagesFetched)} images, {Errors} errors";
}
