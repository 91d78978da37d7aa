using Pursearch.Core.Money;
using SkiaSharp;

namespace Pursearch.Forge.World;

/// <summary>A fictional shop: currency, price ranges, what it stocks and how its product shots look.</summary>
public sealed record Retailer(
    string Slug,
    string Name,
    Currency Currency,
    string SkuPrefix,
    IReadOnlyList<string> BrandSlugs,
    PriceRange BrandedPrices,
    double DupeShare,
    string? HouseLabel,
    PriceRange? DupePrices,
    SKColor Studio)
{
    public string Host => $"{Slug}.forge.test";

    public bool SellsDupes => DupeShare > 0 && HouseLabel is not null && DupePrices is not null;

    public bool SellsBranded => BrandSlugs.Count > 0 && DupeShare < 1;
}

/// <summary>The span a retailer's prices fall in, in its own currency, and the step they are rounded to.</summary>
public sealed record PriceRange(decimal Min, decimal Max, decimal Step, decimal Ending = 0m)
{
    /// <summary>Rounds to the step, then applies the shop's price ending (e.g. 39.90 for a step of 10 and ending -0.10).</summary>
    public decimal Round(decimal amount)
    {
        var clamped = Math.Clamp(amount, Min, Max);
        var rounded = Math.Max(Step, decimal.Round(clamped / Step, MidpointRounding.AwayFromZero) * Step);
        return rounded + Ending;
    }
}
