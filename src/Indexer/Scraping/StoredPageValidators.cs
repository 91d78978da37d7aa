using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Crawling.Urls;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.Scraping;

/// <summary>
/// The validators a source's earlier crawls saved, loaded once when a run starts, for the crawler's conditional GETs.
/// Also answers which URLs are known product pages (so a failure there is known to hide products).
/// </summary>
public sealed class StoredPageValidators : IPageValidatorLookup
{
    private readonly Dictionary<Uri, PageValidators> _validators = [];
    private readonly HashSet<Uri> _productPages = [];

    public StoredPageValidators(IEnumerable<PageState> states)
    {
        foreach (var state in states)
        {
            if (!Uri.TryCreate(state.Url, UriKind.Absolute, out var url))
                continue;
            var key = UrlCanonicalizer.Canonicalize(url);
            if (state.Products.Count > 0)
                _productPages.Add(key);
            var validators = new PageValidators(state.ETag, state.LastModified);
            if (!validators.IsEmpty)
                _validators[key] = validators;
        }
    }

    public int Count => _validators.Count;

    public static async Task<StoredPageValidators> LoadAsync(IPageStateStore pages, string source, CancellationToken cancel) =>
        new(await pages.ListAsync(source, cancel));

    public bool IsProductPage(Uri url) => _productPages.Contains(UrlCanonicalizer.Canonicalize(url));

    public ValueTask<PageValidators?> FindAsync(Uri pageUrl, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_validators.GetValueOrDefault(UrlCanonicalizer.Canonicalize(pageUrl)));
}
