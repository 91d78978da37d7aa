using System.Security.Cryptography;
using System.Text;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Core.Versions;

namespace Pursearch.Storage.Tests.Contract;

/// <summary>Test data: products, spaces and times (whole milliseconds, which every store keeps exactly).</summary>
public static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    public static string Sha(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    public static Product Bag(string id = "rue:r-1", decimal price = 100m, string currency = "USD",
        string brand = "Rue", string name = "Quilted Chain Bag", string style = "Flap", string? image = null,
        string? sha = null, Availability availability = Availability.InStock, int seenAt = 0, string colour = "black")
    {
        var productId = ProductId.Parse(id);
        return new Product(productId, brand, name, new Money(price, currency),
            new Uri($"https://{productId.Retailer}.example/p/{productId.Sku}"),
            new Uri(image ?? $"https://{productId.Retailer}.example/i/{productId.Sku}.jpg"), availability, style,
            colour: colour, imageSha256: sha, firstSeen: At(seenAt), lastSeen: At(seenAt));
    }

    public static EmbeddingSpace Space(string id = "resnet18-v1", int dimensions = 4) =>
        new(id, "resnet18", "imagenet-224", dimensions);

    public static IndexGeneration Generation(string id, GenerationState state = GenerationState.Building,
        string space = "resnet18-v1", int minutes = 0) =>
        new(id, space, 4, state, At(minutes));

    public static ModelVersion Model(string id, string space = "resnet18-v1", int minutes = 0) =>
        new(id, space, $"models/{id}.onnx", At(minutes), new Dictionary<string, double> { ["top1"] = 0.81, ["iou"] = 0.69 });

    /// <summary>A varied catalog: several retailers, brands, styles, currencies, prices and availabilities.</summary>
    public static IReadOnlyList<Product> VariedCatalog(int count)
    {
        string[] retailers = ["rue", "kestrel", "ardent-shop"];
        string[] brands = ["Rue", "Maison Ardent", "Kestrel", "Vale"];
        string[] styles = ["Flap", "Tote", "Hobo", ""];
        string[] currencies = ["USD", "EUR", "GBP", "JPY"];
        decimal[] prices = [19.99m, 49.99m, 50m, 120m, 249.5m, 250m, 499m, 600m, 750m, 999.99m, 1000m, 4200m];
        var availabilities = Enum.GetValues<Availability>();
        return Enumerable.Range(0, count).Select(i =>
        {
            var currency = currencies[i % currencies.Length];
            var price = currency == "JPY" ? prices[i % prices.Length] * 150 : prices[i % prices.Length];
            return Bag($"{retailers[i % 3]}:sku-{i:D4}", price, currency, brands[i % 4], $"Bag {i}", styles[i / 3 % 4],
                sha: Sha($"image-{i}"), availability: availabilities[i / 5 % availabilities.Length]);
        }).ToList();
    }
}
