namespace Pursearch.Bench.Crawl;

/// <summary>
/// Pages/s of the crawler with politeness off (robots.txt asks for no Crawl-delay, the sources allow a request every
/// microsecond) against a plain parallel HttpClient fetching the same URLs with the same concurrency in the same run, and the
/// end-to-end scrape (crawl → images → store, and embedding when asked) in products/s. The same URLs fetched and put
/// through the crawler's own parsing and extraction in a plain loop give its ceiling: the ratio to that is what the
/// crawl machinery (frontier, politeness, robots.txt, resilience, the stream) costs. Each contender's heap allocation per
/// page (the in-process shops' own included, the same for all) tells what the garbage collector is given to do, without
/// the noise of a shared machine's clock.
/// </summary>
public sealed record CrawlBenchmarkResult(
    int Products,
    int Concurrency,
    int Rounds,
    int Pages,
    double WarmUpSeconds,
    double CrawlerPagesPerSecond,
    double BaselinePagesPerSecond,
    double Ratio,
    double FetchAndExtractPagesPerSecond,
    double RatioToExtraction,
    int ScrapedProducts,
    double ScrapeProductsPerSecond,
    bool Embedded,
    double? ScrapeAndEmbedProductsPerSecond,
    long Errors)
{
    /// <summary>The crawler (politeness, robots.txt, parsing and extraction included) should reach half the raw fetch rate.</summary>
    public const double TargetRatio = 0.5;

    /// <summary>The lowest and highest crawler/baseline ratio of one round; <see cref="Ratio"/> is their median.</summary>
    public double LowestRatio { get; init; }
    public double HighestRatio { get; init; }

    public double CrawlerKilobytesPerPage { get; init; }
    public double BaselineKilobytesPerPage { get; init; }
    public double FetchAndExtractKilobytesPerPage { get; init; }

    public bool MeetsTarget => Ratio >= TargetRatio && Errors == 0;
}
