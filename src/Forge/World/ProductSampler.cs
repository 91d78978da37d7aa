using Pursearch.Core.Money;
using Pursearch.Forge.Randomness;

namespace Pursearch.Forge.World;

/// <summary>
/// Samples a seed's catalog: families of colour/size variants per retailer, branded or dupe, priced in the
/// retailer's range. Runs sequentially on one RNG; products are small records, so 100k+ fit easily.
/// </summary>
public static class ProductSampler
{
    public static IReadOnlyList<ForgeProduct> Sample(int seed, int count)
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), "product count must not be negative");
        var rng = ItemSeed.Rng(seed, "catalog", 0);
        var retailers = WorldDefinition.Retailers;
        var skuCounters = new int[retailers.Count];
        var familyCounters = new int[retailers.Count];
        var products = new List<ForgeProduct>(count);
        while (products.Count < count)
        {
            var r = rng.Next(retailers.Count);
            var retailer = retailers[r];
            var dupe = !retailer.SellsBranded || (retailer.SellsDupes && rng.Chance(retailer.DupeShare));
            var style = PickStyle(rng, retailer, dupe);
            var family = $"{retailer.SkuPrefix}-f{++familyCounters[r]:D5}";
            var prices = dupe ? retailer.DupePrices! : retailer.BrandedPrices;
            var basePrice = BasePrice(rng, prices);
            foreach (var (colour, size) in Variants(rng))
            {
                if (products.Count == count)
                    break;
                var sku = $"{retailer.SkuPrefix}-{++skuCounters[r]:D5}";
                var price = new Money(prices.Round(basePrice * WorldDefinition.SizePriceFactor(size)), retailer.Currency);
                var brand = dupe ? retailer.HouseLabel! : style.Brand.Name;
                var name = $"{(dupe ? DupeNames.Of(style) : style.Name)}, {size}, {colour.Name}";
                products.Add(new ForgeProduct(products.Count, retailer, sku, brand, name, style, family, colour, size,
                    price, dupe));
            }
        }
        return products;
    }

    private static HandbagStyle PickStyle(Random rng, Retailer retailer, bool dupe)
    {
        var styles = WorldDefinition.Styles;
        if (dupe)
            return rng.Pick(styles);
        var carried = styles.Where(s => retailer.BrandSlugs.Contains(s.Brand.Slug)).ToList();
        return rng.Pick(carried);
    }

    // Log-uniform inside the range so cheap and dear families are both common.
    private static decimal BasePrice(Random rng, PriceRange range) =>
        (decimal)rng.LogUniform((double)range.Min * 1.15, (double)range.Max / 1.2);

    private static IEnumerable<(Colourway, BagSize)> Variants(Random rng)
    {
        var colours = rng.Sample(WorldDefinition.Colourways, rng.Next(1, 5));
        var sizes = rng.Sample(Enum.GetValues<BagSize>(), rng.Chance(0.35) ? 2 : 1);
        foreach (var size in sizes)
            foreach (var colour in colours)
                yield return (colour, size);
    }
}
