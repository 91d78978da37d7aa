using System.Globalization;
using System.Text.Json;
using Pursearch.Core.Catalog;

namespace Pursearch.Indexer.Tests.Embedding;

/// <summary>A Forge-shaped output dir written by the test: catalog.jsonl (the contract's fields) and product shots under
/// products/{retailer}/{sku}.jpg. Items can be changed and the catalog rewritten, as a new crawl would see them.</summary>
internal sealed class ForgeDirectory
{
    private static readonly string[] Retailers = ["rue", "atelier-nord"];

    public ForgeDirectory(string path, int products)
    {
        Path = path;
        Items = [.. Enumerable.Range(0, products).Select(i => new Item(Retailers[i % Retailers.Length], $"SKU-{i:000}", 40m + i))];
        foreach (var (item, i) in Items.Select((item, i) => (item, i)))
            WriteImage(item, TinyImages.Jpeg(i));
        WriteCatalog();
    }

    public string Path { get; }
    public List<Item> Items { get; }

    public ProductId IdOf(int index) => new(Items[index].Retailer, Items[index].Sku);

    public string ImagePathOf(int index) => System.IO.Path.Combine(Path, Items[index].Image);

    public void WriteImage(int index, byte[] bytes) => WriteImage(Items[index], bytes);

    public void WriteCatalog(params string[] extraLines)
    {
        var lines = Items.Select(Line).Concat(extraLines);
        File.WriteAllText(System.IO.Path.Combine(Path, "catalog.jsonl"), string.Join('\n', lines) + "\n");
    }

    private void WriteImage(Item item, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, item.Image);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
    }

    private static string Line(Item item) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["productId"] = $"{item.Retailer}:{item.Sku}",
        ["retailer"] = item.Retailer,
        ["sku"] = item.Sku,
        ["brand"] = "Maison Test",
        ["name"] = $"Test Bag {item.Sku}",
        ["style"] = "Flap Bag",
        ["familyId"] = item.Sku,
        ["colour"] = "black",
        ["price"] = new Dictionary<string, object> { ["amount"] = item.Price, ["currency"] = "USD" },
        ["availability"] = "InStock",
        ["productUrl"] = $"https://{item.Retailer}.forge.test/p/{item.Sku}",
        ["imageUrl"] = $"https://{item.Retailer}.forge.test/img/{item.Sku}.jpg",
        ["image"] = item.Image,
        ["trueClass"] = "maison-test/flap-bag",
        ["dupe"] = false,
    });

    /// <summary>One catalog product; mutable so a test can change what the next import sees.</summary>
    public sealed class Item(string retailer, string sku, decimal price)
    {
        public string Retailer { get; } = retailer;
        public string Sku { get; } = sku;
        public decimal Price { get; set; } = price;
        public string Image => string.Create(CultureInfo.InvariantCulture, $"products/{Retailer}/{Sku}.jpg");
    }
}
