using System.Text;
using System.Text.Json;
using Pursearch.Core.Catalog;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Crawling.Extraction;
using Pursearch.Indexer.Crawling.Output;

namespace Pursearch.Indexer.Tests.Crawling;

public class JsonLinesProductWriterTests
{
    [Fact]
    public async Task Writes_one_object_per_product_with_the_contract_fields_and_skips_repeats()
    {
        var html = """
            <script type="application/ld+json">{ "@type": "Product", "name": "Ardent Flap", "sku": "MA-1", "brand": "Maison Ardent",
              "color": "Noir", "model": "Flap", "image": ["/a.jpg", "/b.jpg"],
              "offers": { "price": "1290.50", "priceCurrency": "EUR", "availability": "PreOrder" } }</script>
            """;
        var page = HtmlPage.Parse(Encoding.UTF8.GetBytes(html), "text/html", new Uri("https://shop.example/p/ma-1"));
        var extracted = Assert.Single(ProductExtractor.Extract(page).Products);
        var seen = DateTimeOffset.UtcNow;
        var crawlEvent = new ProductExtracted(new Uri("https://shop.example/p/ma-1"), seen, extracted.ToProduct("Shop", seen), extracted);
        using var output = new MemoryStream();
        await using (var writer = new JsonLinesProductWriter(output))
        {
            await writer.AcceptAsync(crawlEvent, CancellationToken.None);
            await writer.AcceptAsync(crawlEvent with { Url = new Uri("https://shop.example/p/ma-1?colour=noir") }, CancellationToken.None);
            await writer.AcceptAsync(new PageSkipped(new Uri("https://shop.example/x"), seen, "no price", 0), CancellationToken.None);
            Assert.Equal(1, writer.Written);
            Assert.Equal(1, writer.Duplicates);
        }

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal("shop:MA-1", json.GetProperty("productId").GetString());
        Assert.Equal("MA-1", json.GetProperty("sku").GetString());
        Assert.Equal("Maison Ardent", json.GetProperty("brand").GetString());
        Assert.Equal("Ardent Flap", json.GetProperty("name").GetString());
        Assert.Equal(1290.50m, json.GetProperty("price").GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", json.GetProperty("price").GetProperty("currency").GetString());
        Assert.Equal("https://shop.example/a.jpg", json.GetProperty("imageUrl").GetString());
        Assert.Equal("https://shop.example/p/ma-1", json.GetProperty("productUrl").GetString());
        Assert.Equal(nameof(Availability.PreOrder), json.GetProperty("availability").GetString());
        Assert.Equal("Flap", json.GetProperty("style").GetString());
        Assert.Equal("Noir", json.GetProperty("colour").GetString());
        Assert.Equal(2, json.GetProperty("imageUrls").GetArrayLength());
        Assert.False(json.TryGetProperty("gtin", out _));
    }
}
