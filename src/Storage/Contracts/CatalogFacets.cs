using Pursearch.Core.Money;

namespace Pursearch.Storage.Contracts;

/// <summary>How many products carry one facet value.</summary>
public sealed record FacetCount(string Value, long Count);

/// <summary>How many products cost less than <see cref="Under"/> (in the facets' currency); null means any price.</summary>
public sealed record PriceBucketCount(decimal? Under, long Count);

/// <summary>
/// Counts over the products passing a filter. Value facets are ordered by count, then value; price buckets are
/// cumulative ("under 50", "under 250", ..., "any"), as a shopper's price choice reads them.
/// </summary>
public sealed record CatalogFacets(
    Currency Currency,
    long Total,
    IReadOnlyList<FacetCount> Retailers,
    IReadOnlyList<FacetCount> Brands,
    IReadOnlyList<FacetCount> Styles,
    IReadOnlyList<PriceBucketCount> PriceBuckets)
{
    /// <summary>The upper limits of the price buckets, before the final "any price" bucket.</summary>
    public static IReadOnlyList<decimal> PriceLimits { get; } = [50m, 250m, 500m, 750m, 1000m];
}
