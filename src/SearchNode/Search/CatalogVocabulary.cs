using System.Collections.Frozen;
using Pursearch.Core.Search;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Search;

/// <summary>The retailers, brands and styles the catalog knows, so a filter naming an unknown one is refused instead
/// of silently matching nothing. Re-read from the store when the catalog changes, or at most every minute.</summary>
public sealed class CatalogVocabulary(IStore store)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private volatile Vocabulary? _current;

    public async Task<Vocabulary> GetAsync(CancellationToken cancel)
    {
        if (_current is { } current && DateTimeOffset.UtcNow - current.ReadAt < MaxAge)
            return current;
        var facets = await store.Catalog.FacetsAsync(new SearchFilter(includeUnavailable: true), cancel);
        var fresh = new Vocabulary(
            facets.Retailers.Select(f => f.Value).ToFrozenSet(StringComparer.Ordinal),
            facets.Brands.Select(f => f.Value).ToFrozenSet(StringComparer.Ordinal),
            facets.Styles.Select(f => f.Value).ToFrozenSet(StringComparer.Ordinal),
            DateTimeOffset.UtcNow);
        _current = fresh;
        return fresh;
    }

    public void Invalidate() => _current = null;
}

/// <summary>Known filter values at one moment.</summary>
public sealed record Vocabulary(FrozenSet<string> Retailers, FrozenSet<string> Brands, FrozenSet<string> Styles, DateTimeOffset ReadAt);
