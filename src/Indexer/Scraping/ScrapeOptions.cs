using Pursearch.Core;
using Pursearch.Indexer.Crawling;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Scraping;

/// <summary>How scrapes run, the same for every source (a source sets its hosts, rate and page budget).</summary>
public sealed record ScrapeOptions
{
    public CrawlerOptions Crawler { get; init; } = new();

    public int ConcurrencyPerHost { get; init; } = 2;
    public int MaxDepth { get; init; } = 10;
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Pages whose products and validators are committed in one transaction.</summary>
    public int CommitBatchPages { get; init; } = 32;
    /// <summary>A partial batch is committed once its first page has waited this long.</summary>
    public TimeSpan CommitWindow { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Pages whose images are fetched at once (each host's politeness still applies).</summary>
    public int ImageParallelism { get; init; } = 8;

    /// <summary>Bytes and pixels an image may have; checked from the response and the header before anything is decoded.</summary>
    public DecodeLimits ImageLimits { get; init; } = DecodeLimits.Default;

    /// <summary>How often the run record's counters and errors are written to the store (and progress reported).</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether a complete run marks the retailer's products it did not see as unavailable.</summary>
    public bool MarkGoneProducts { get; init; } = true;

    /// <summary>Throws a <see cref="DomainException"/> naming the first setting out of range.</summary>
    public ScrapeOptions Validate()
    {
        Positive(ConcurrencyPerHost, "concurrencyPerHost");
        Positive(CommitBatchPages, "commitBatchPages");
        Positive(ImageParallelism, "imageParallelism");
        if (MaxDepth < 0)
            throw new DomainException("maxDepth", "must not be negative");
        if (TimeBudget <= TimeSpan.Zero || CommitWindow <= TimeSpan.Zero || FlushInterval <= TimeSpan.Zero)
            throw new DomainException("timeBudget", "time budget, commit window and flush interval must be positive");
        return this;
    }

    private static void Positive(int value, string field)
    {
        if (value < 1)
            throw new DomainException(field, $"{value} must be at least 1");
    }
}
