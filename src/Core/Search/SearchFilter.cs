using System.Collections.Immutable;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;

namespace Pursearch.Core.Search;

/// <summary>What a shopper narrows results by: price range in one currency, retailers, brands, styles.</summary>
public sealed record SearchFilter
{
    public decimal? MinPrice { get; }
    public decimal? MaxPrice { get; }
    public Currency Currency { get; }
    public ImmutableSortedSet<string> Retailers { get; }
    public ImmutableSortedSet<string> Brands { get; }
    public ImmutableSortedSet<string> Styles { get; }
    public bool IncludeUnavailable { get; }

    public SearchFilter(
        decimal? minPrice = null, decimal? maxPrice = null, Currency? currency = null,
        IEnumerable<string>? retailers = null, IEnumerable<string>? brands = null,
        IEnumerable<string>? styles = null, bool includeUnavailable = false)
    {
        if (minPrice < 0)
            throw new DomainException("minPrice", "must not be negative");
        if (maxPrice < 0)
            throw new DomainException("maxPrice", "must not be negative");
        if (minPrice > maxPrice)
            throw new DomainException("minPrice", $"{minPrice} is greater than maxPrice {maxPrice}");
        MinPrice = minPrice;
        MaxPrice = maxPrice;
        Currency = currency ?? Currency.Usd;
        Retailers = (retailers ?? []).Select(RetailerSlug.Normalize).ToImmutableSortedSet(StringComparer.Ordinal);
        Brands = Clean(brands, "brand");
        Styles = Clean(styles, "style");
        IncludeUnavailable = includeUnavailable;
    }

    public static SearchFilter None { get; } = new();

    public bool HasPriceRange => MinPrice is not null || MaxPrice is not null;

    public bool IsEmpty => !HasPriceRange && Retailers.IsEmpty && Brands.IsEmpty && Styles.IsEmpty && IncludeUnavailable;

    /// <summary>Whether a product passes, comparing prices in the filter's currency.</summary>
    public bool Matches(Product product, ExchangeRates rates)
    {
        if (!IncludeUnavailable && !product.Availability.IsPurchasable())
            return false;
        if (!Retailers.IsEmpty && !Retailers.Contains(product.Id.Retailer))
            return false;
        if (!Brands.IsEmpty && !Brands.Contains(product.Brand))
            return false;
        if (!Styles.IsEmpty && !Styles.Contains(product.Style))
            return false;
        return !HasPriceRange || PriceInRange(rates.Convert(product.Price, Currency).Amount);
    }

    public bool PriceInRange(decimal amount) =>
        (MinPrice is null || amount >= MinPrice) && (MaxPrice is null || amount <= MaxPrice);

    private static ImmutableSortedSet<string> Clean(IEnumerable<string>? values, string field) =>
        (values ?? []).Select(v => Guard.NotBlank(v, field)).ToImmutableSortedSet(StringComparer.Ordinal);
}
