using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pursearch.Core.Catalog;

namespace Pursearch.Indexer.Crawling.Output;

/// <summary>
/// Writes each extracted product as one JSON object per line (<c>sku</c>, <c>brand</c>, <c>name</c>,
/// <c>price</c> {<c>amount</c>, <c>currency</c>}, <c>imageUrl</c>, <c>productUrl</c>, <c>availability</c>, and the
/// optional fields extraction found), once per product id; each line is flushed as it is written.
/// </summary>
public sealed class JsonLinesProductWriter(Stream output) : ICrawlEventSink, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly StreamWriter _writer = new(output, new UTF8Encoding(false)) { NewLine = "\n" };
    private readonly HashSet<ProductId> _written = [];

    public int Written => _written.Count;

    /// <summary>Products seen again (on another page or URL) and not written twice.</summary>
    public int Duplicates { get; private set; }

    public async ValueTask AcceptAsync(CrawlEvent crawlEvent, CancellationToken cancellationToken)
    {
        if (crawlEvent is not ProductExtracted extracted)
            return;
        if (!_written.Add(extracted.Product.Id))
        {
            Duplicates++;
            return;
        }
        await _writer.WriteLineAsync(JsonSerializer.Serialize(ProductLine.Of(extracted), Json).AsMemory(), cancellationToken);
        await _writer.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private sealed record PriceLine(decimal Amount, string Currency);

    private sealed record ProductLine(
        string ProductId, string Retailer, string Sku, string Brand, string Name, PriceLine Price, string ImageUrl,
        string ProductUrl, string Availability, string? Style, string? Colour, string? FamilyId, string? Gtin,
        string? Mpn, IReadOnlyList<string>? ImageUrls, string PageUrl, string Markup)
    {
        public static ProductLine Of(ProductExtracted extracted)
        {
            var product = extracted.Product;
            var details = extracted.Details;
            return new ProductLine(
                product.Id.ToString(), product.Id.Retailer, product.Id.Sku, product.Brand, product.Name,
                new PriceLine(product.Price.Amount, product.Price.Currency.Code), product.ImageUrl.AbsoluteUri,
                product.ProductUrl.AbsoluteUri, product.Availability.ToString(), NullIfEmpty(product.Style),
                NullIfEmpty(product.Colour), details.FamilyId, details.Gtin, details.Mpn,
                details.ImageUrls.Count > 1 ? details.ImageUrls.Select(u => u.AbsoluteUri).ToList() : null,
                extracted.Url.AbsoluteUri, details.Markup.ToString());
        }

        private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
    }
}
