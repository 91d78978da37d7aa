using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Core.Search;
using Pursearch.Core.Tests.Catalog;

namespace Pursearch.Core.Tests.Search;

public class SearchFilterTests
{
    [Fact]
    public void Min_above_max_is_refused_naming_min_price()
    {
        var e = Assert.Throws<DomainException>(() => new SearchFilter(minPrice: 100, maxPrice: 50));
        Assert.Equal("minPrice", e.Field);
    }

    [Fact]
    public void Negative_bounds_are_refused() =>
        Assert.Throws<DomainException>(() => new SearchFilter(maxPrice: -1));

    [Fact]
    public void Retailers_are_normalised_to_slugs() =>
        Assert.Equal(["kestrel", "rue"], new SearchFilter(retailers: ["Rue", "KESTREL"]).Retailers);

    [Fact]
    public void Prices_compare_in_the_filter_currency()
    {
        var product = ProductTests.Sample(price: 100m); // USD
        var rates = new ExchangeRates(Currency.Usd, new Dictionary<string, decimal> { ["EUR"] = 1.25m });
        Assert.True(new SearchFilter(maxPrice: 80m, currency: Currency.Eur).Matches(product, rates));
        Assert.False(new SearchFilter(maxPrice: 79m, currency: Currency.Eur).Matches(product, rates));
    }

    [Fact]
    public void Unavailable_products_are_excluded_unless_asked_for()
    {
        var gone = ProductTests.Sample(availability: Availability.OutOfStock);
        Assert.False(SearchFilter.None.Matches(gone, ExchangeRates.Default));
        Assert.True(new SearchFilter(includeUnavailable: true).Matches(gone, ExchangeRates.Default));
    }

    [Fact]
    public void Retailer_brand_and_style_sets_must_all_match()
    {
        var product = ProductTests.Sample();
        Assert.True(new SearchFilter(retailers: ["rue"], brands: ["Rue"], styles: ["Flap"]).Matches(product, ExchangeRates.Default));
        Assert.False(new SearchFilter(retailers: ["other"]).Matches(product, ExchangeRates.Default));
        Assert.False(new SearchFilter(styles: ["Tote"]).Matches(product, ExchangeRates.Default));
    }
}
