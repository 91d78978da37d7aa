using System.Collections.Concurrent;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.Scraping;

/// <summary>
/// What a scrape did beyond the crawl's own counters, under the names its <see cref="Core.Scraping.ScrapeRun"/> keeps:
/// products by upsert outcome, images, embedding, errors by kind. Thread-safe.
/// </summary>
public sealed class ScrapeCounters
{
    public const string ProductsNew = "products.new";
    public const string ProductsChanged = "products.changed";
    public const string ProductsPriceChanged = "products.price-changed";
    public const string ProductsImageChanged = "products.image-changed";
    public const string ProductsUnchanged = "products.unchanged";
    /// <summary>Product pages that could not be read as a product (no price, no image ...).</summary>
    public const string ProductsSkipped = "products.skipped";
    /// <summary>Products seen again on pages that answered 304.</summary>
    public const string ProductsNotModified = "products.not-modified";
    public const string ProductsUnavailable = "products.unavailable";
    /// <summary>Links robots.txt keeps the crawler from: a courtesy, not an error.</summary>
    public const string PagesDisallowed = "pages.robots-disallowed";
    public const string ImagesFetched = "images.fetched";
    public const string ImagesStored = "images.stored";
    public const string ImagesDeduplicated = "images.deduplicated";
    public const string ImagesFailed = "images.failed";
    public const string EmbedQueued = "embed.queued";
    public const string EmbedEmbedded = "embed.embedded";
    public const string EmbedFailed = "embed.failed";
    public const string ErrorPrefix = "errors.";

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Add(string name, long increment = 1)
    {
        if (increment != 0)
            _counts.AddOrUpdate(name, increment, (_, count) => count + increment);
    }

    public void AddError(string kind) => Add(ErrorPrefix + kind);

    public long this[string name] => _counts.GetValueOrDefault(name);

    /// <summary>Counts a product by what its upsert did.</summary>
    public void Add(UpsertOutcome outcome) => Add(outcome switch
    {
        UpsertOutcome.Created => ProductsNew,
        UpsertOutcome.PriceChanged => ProductsPriceChanged,
        UpsertOutcome.ImageChanged => ProductsImageChanged,
        UpsertOutcome.Changed => ProductsChanged,
        _ => ProductsUnchanged,
    });

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);
}
