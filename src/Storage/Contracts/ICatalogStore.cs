using Pursearch.Core.Catalog;
using Pursearch.Core.Search;

namespace Pursearch.Storage.Contracts;

/// <summary>Products by <see cref="ProductId"/>: upsert with change classification, lookup, paging and facets.</summary>
public interface ICatalogStore
{
    /// <summary>
    /// Inserts or updates one product. An existing product keeps its <see cref="Product.FirstSeen"/>; an incoming
    /// product without an image hash keeps the stored hash while its image URL is unchanged (unknown is not changed).
    /// </summary>
    Task<UpsertOutcome> UpsertAsync(Product product, CancellationToken cancel = default);

    /// <summary>Upserts a batch in one transaction (all or nothing); outcomes are in the batch's order.</summary>
    Task<IReadOnlyList<UpsertOutcome>> UpsertManyAsync(IReadOnlyList<Product> products, CancellationToken cancel = default);

    Task<Product?> GetAsync(ProductId id, CancellationToken cancel = default);

    /// <summary>
    /// Marks <see cref="Availability.Discontinued"/> every product of <paramref name="retailer"/> last seen before
    /// <paramref name="notSeenSince"/> that is not already so; products are kept, never deleted. Returns how many.
    /// </summary>
    Task<int> MarkUnavailableAsync(string retailer, DateTimeOffset notSeenSince, CancellationToken cancel = default);

    /// <summary>
    /// Products passing <paramref name="filter"/> in ordinal order of their id, starting after <paramref name="after"/>
    /// (keyset pagination: a page never repeats or skips a product that existed for the whole walk).
    /// </summary>
    Task<ProductPage> PageAsync(SearchFilter filter, ProductId? after, int limit, CancellationToken cancel = default);

    /// <summary>Counts of the products passing <paramref name="filter"/> by retailer, brand, style and price bucket.</summary>
    Task<CatalogFacets> FacetsAsync(SearchFilter filter, CancellationToken cancel = default);
}
