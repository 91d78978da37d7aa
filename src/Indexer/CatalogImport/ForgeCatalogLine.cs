using System.Text.Json;
using System.Text.Json.Serialization;
using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;

namespace Pursearch.Indexer.CatalogImport;

/// <summary>One line of a Forge <c>catalog.jsonl</c> as written (camelCase fields; <c>trueClass</c>, <c>dupe</c> and
/// <c>size</c> are not catalog data and are ignored).</summary>
internal sealed record ForgeCatalogLine(
    string? ProductId, string? Retailer, string? Sku, string? Brand, string? Name, string? Style, string? FamilyId,
    string? Colour, ForgeCatalogPrice? Price, string? Availability, string? ProductUrl, string? ImageUrl, string? Image)
{
    /// <summary>The product the line describes; a <see cref="DomainException"/> names the first bad field.</summary>
    public Product ToProduct()
    {
        var id = new ProductId(Retailer!, Sku!);
        if (ProductId is not null && ProductId != id.ToString())
            throw new DomainException("productId", $"'{ProductId}' does not match retailer and sku ({id})");
        var price = Price ?? throw new DomainException("price", "is required");
        return new Product(id, Brand!, Name!, new Money(price.Amount, price.Currency!),
            Guard.HttpUrl(ProductUrl, "productUrl"), Guard.HttpUrl(ImageUrl, "imageUrl"), ParseAvailability(Availability),
            Style, FamilyId, Colour);
    }

    private static Availability ParseAvailability(string? value) =>
        value is null ? Core.Catalog.Availability.InStock
        : Enum.TryParse<Availability>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new DomainException("availability", $"'{value}' is not a known state");
}

/// <summary>A catalog line's price: amount and ISO currency code.</summary>
internal sealed record ForgeCatalogPrice(decimal Amount, string? Currency);

/// <summary>Source-generated reader of catalog lines (no reflection, so it also works trimmed or AOT-compiled).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ForgeCatalogLine))]
internal sealed partial class ForgeCatalogJson : JsonSerializerContext;
