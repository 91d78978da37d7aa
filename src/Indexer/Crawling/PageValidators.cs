using System.Collections.Concurrent;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling;

/// <summary>What a server said identifies a page version: sent back as If-None-Match / If-Modified-Since.</summary>
public sealed record PageValidators(string? ETag, DateTimeOffset? LastModified)
{
    public bool IsEmpty => ETag is null && LastModified is null;
}

/// <summary>
/// Where the crawler looks up the validators of a page fetched before, to make a conditional GET.
/// The crawler never writes here: the store keeps the validators of <see cref="PageFetched"/> events in the same
/// transaction as that page's products, so a crash between the two can never leave a 304 hiding unsaved products.
/// </summary>
public interface IPageValidatorLookup
{
    ValueTask<PageValidators?> FindAsync(Uri pageUrl, CancellationToken cancellationToken);
}

/// <summary>No conditional GETs: every page is fetched in full (the one-shot <c>crawl</c> command).</summary>
public sealed class NoPageValidators : IPageValidatorLookup
{
    public static NoPageValidators Instance { get; } = new();

    public ValueTask<PageValidators?> FindAsync(Uri pageUrl, CancellationToken cancellationToken) => ValueTask.FromResult<PageValidators?>(null);
}

/// <summary>Validators kept in memory from the events of earlier runs; for tests and single-process use.</summary>
public sealed class InMemoryPageValidators : IPageValidatorLookup
{
    private readonly ConcurrentDictionary<Uri, PageValidators> _validators = new();

    public int Count => _validators.Count;

    /// <summary>Remembers the validators a <see cref="PageFetched"/> event carries.</summary>
    public void Observe(CrawlEvent crawlEvent)
    {
        if (crawlEvent is PageFetched { Validators: { } validators } fetched)
            _validators[UrlCanonicalizer.Canonicalize(fetched.Url)] = validators;
    }

    public ValueTask<PageValidators?> FindAsync(Uri pageUrl, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_validators.GetValueOrDefault(UrlCanonicalizer.Canonicalize(pageUrl)));
}
