using Pursearch.Indexer.Crawling;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.Scraping;

/// <summary>Turns a registered source into what the crawler runs.</summary>
public static class ScrapeSources
{
    /// <exception cref="Core.DomainException">A setting the crawler refuses (e.g. an allowed host it cannot read).</exception>
    public static CrawlSource ToCrawlSource(ScrapeSource source, ScrapeOptions options) =>
        new(source.Retailer, source.StartUrls, source.AllowedHosts.Count > 0 ? source.AllowedHosts : null,
            source.RequestsPerSecond, options.ConcurrencyPerHost, source.MaxPages, options.MaxDepth, options.TimeBudget,
            source.AllowPrivate);
}
