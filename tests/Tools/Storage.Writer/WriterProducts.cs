using Pursearch.Core.Catalog;
using Pursearch.Core.Money;

namespace Pursearch.Storage.Writer;

/// <summary>The products a writer process stores: deterministic, so the test can tell which ones must be there.</summary>
public static class WriterProducts
{
    public static ProductId Id(string retailer, int index) => new(retailer, $"sku-{index:D7}");

    public static Product Make(string retailer, int index) =>
        new(Id(retailer, index), "Maison Ardent", $"Bag {index}", new Money(10m + index % 900, Currency.Usd),
            new Uri($"https://{retailer}.example/p/{index}"), new Uri($"https://{retailer}.example/i/{index}.jpg"),
            style: index % 2 == 0 ? "Tote" : "Flap", colour: "black");

    public static IReadOnlyList<Product> Range(string retailer, int start, int count) =>
        Enumerable.Range(start, count).Select(i => Make(retailer, i)).ToList();
}
