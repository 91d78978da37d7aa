using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Forge.World;

namespace Pursearch.Forge.Tests.World;

public class CatalogTests
{
    private static readonly ForgeWorld World = ForgeWorld.Create(seed: 7, products: 3000);

    [Fact]
    public void ProductIdsAreUniqueRetailerSkuPairs()
    {
        var ids = World.Products.Select(p => p.Id.ToString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(World.Products, p => Assert.Equal(p.Id, ProductId.Parse($"{p.Retailer.Slug}:{p.Sku}")));
    }

    [Fact]
    public void EveryProductIsAValidCoreProductWithForgeUrls()
    {
        foreach (var p in World.Products)
        {
            var product = p.ToCatalogProduct();
            Assert.Equal($"https://{p.Retailer.Slug}.forge.test/p/{p.Sku}", product.ProductUrl.AbsoluteUri);
            Assert.Equal($"https://{p.Retailer.Slug}.forge.test/img/{p.Sku}.jpg", product.ImageUrl.AbsoluteUri);
            Assert.Equal(p.Retailer.Currency, product.Price.Currency);
        }
    }

    [Fact]
    public void RetailersDifferInCurrencyPriceRangeAndAssortment()
    {
        var retailers = World.Retailers;
        Assert.True(retailers.Count >= 3);
        Assert.Equal(new[] { "EUR", "GBP", "USD" }, retailers.Select(r => r.Currency.Code).Distinct().Order());
        var assortments = retailers.Select(r => string.Join(',', World.Products.Where(p => p.Retailer == r)
            .Select(p => p.IsDupe ? "dupe" : p.Style.Brand.Slug).Distinct().Order())).ToList();
        Assert.Equal(assortments.Count, assortments.Distinct().Count());
        var medians = retailers.Select(r => MedianUsd(World.Products.Where(p => p.Retailer == r))).ToList();
        Assert.Equal(medians.Count, medians.Distinct().Count());
    }

    [Fact]
    public void DupesImitateClassesAndCostFarLessThanAnyBrandedBag()
    {
        var dupes = World.Products.Where(p => p.IsDupe).ToList();
        var branded = World.Products.Where(p => !p.IsDupe).ToList();
        Assert.NotEmpty(dupes);
        Assert.Equal(World.Styles.Count, dupes.Select(p => p.Style).Distinct().Count());
        Assert.All(dupes, p => Assert.Equal(p.Retailer.HouseLabel, p.Brand));
        Assert.All(branded, p => Assert.Equal(p.Style.Brand.Name, p.Brand));
        var dearestDupe = dupes.Max(Usd);
        var cheapestBranded = branded.Min(Usd);
        Assert.True(dearestDupe * 3 < cheapestBranded, $"dupes up to {dearestDupe} USD, branded from {cheapestBranded} USD");
    }

    [Fact]
    public void FamiliesGroupColourAndSizeVariantsOfOneDesignAtOneRetailer()
    {
        foreach (var family in World.Products.GroupBy(p => p.FamilyId))
        {
            Assert.Single(family.Select(p => (p.Retailer, p.Style, p.IsDupe)).Distinct());
            Assert.Equal(family.Count(), family.Select(p => (p.Colour, p.Size)).Distinct().Count());
        }
        Assert.Contains(World.Products.GroupBy(p => p.FamilyId), f => f.Count() > 1);
    }

    [Fact]
    public void TheSameSeedSamplesTheSameCatalogAndAnotherSeedADifferentOne()
    {
        var again = ForgeWorld.Create(7, 3000);
        Assert.Equal(World.Products.Select(Describe), again.Products.Select(Describe));
        var other = ForgeWorld.Create(8, 3000);
        Assert.NotEqual(World.Products.Select(Describe), other.Products.Select(Describe));
    }

    [Fact]
    public void ProductsLookUpById()
    {
        var product = World.Products[123];
        Assert.True(World.TryGetProduct(ProductId.Parse(product.Id.ToString()), out var found));
        Assert.Same(product, found);
        Assert.False(World.TryGetProduct(new ProductId("rue", "no-such-sku"), out _));
    }

    [Fact]
    public void ProductCountIsExactAndMustNotBeNegative()
    {
        Assert.Empty(ForgeWorld.Create(1, 0).Products);
        Assert.Equal(17, ForgeWorld.Create(1, 17).Products.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => ForgeWorld.Create(1, -1));
    }

    private static string Describe(ForgeProduct p) => $"{p.Id}|{p.Style.ClassSlug}|{p.Colour.Slug}|{p.Size}|{p.Price}";

    private static decimal Usd(ForgeProduct p) => ExchangeRates.Default.Convert(p.Price, Currency.Usd).Amount;

    private static decimal MedianUsd(IEnumerable<ForgeProduct> products)
    {
        var prices = products.Select(Usd).Order().ToList();
        return prices[prices.Count / 2];
    }
}
