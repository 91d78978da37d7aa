using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;

namespace Pursearch.Index;

/// <summary>What a shard keeps of a product: its filter columns and the display fields of a result.</summary>
public sealed record IndexedProduct
{
    public ProductId Id { get; }
    public string Brand { get; }
    public string Name { get; }
    public string Style { get; }
    public string FamilyId { get; }
    /// <summary>The price as the retailer publishes it (amount and original currency).</summary>
    public Money Price { get; }
    public Availability Availability { get; }
    public string ProductUrl { get; }
    public string? ImageSha256 { get; }

    public IndexedProduct(
        ProductId id, string brand, string name, Money price, string productUrl,
        Availability availability = Availability.InStock, string? style = null, string? familyId = null,
        string? imageSha256 = null)
    {
        Id = id.Sku is null ? throw new DomainException("id", "is required") : id;
        Brand = Guard.NotBlank(brand, "brand");
        Name = Guard.NotBlank(name, "name");
        Price = price.Currency.Code is null ? throw new DomainException("price", "is required") : price;
        ProductUrl = Guard.HttpUrl(productUrl, "productUrl").AbsoluteUri;
        Availability = Enum.IsDefined(availability)
            ? availability
            : throw new DomainException("availability", $"'{availability}' is not a known state");
        Style = style?.Trim() ?? "";
        FamilyId = string.IsNullOrWhiteSpace(familyId) ? id.Sku : familyId.Trim();
        ImageSha256 = imageSha256 is null ? null : Guard.Sha256Hex(imageSha256, "imageSha256");
    }

    // Snapshot rows were validated when first indexed and the file's checksum matched: re-parsing every URL and
    // hash on load would make opening a 100k-row snapshot take seconds.
    private IndexedProduct(ProductId id, Money price, Availability availability, string brand, string name,
        string style, string familyId, string productUrl, string? imageSha256)
    {
        Id = id;
        Price = price;
        Availability = Enum.IsDefined(availability)
            ? availability
            : throw new DomainException("availability", $"'{availability}' is not a known state");
        Brand = brand;
        Name = name;
        Style = style;
        FamilyId = familyId;
        ProductUrl = productUrl;
        ImageSha256 = imageSha256;
    }

    /// <summary>Rebuilds a product from a snapshot whose checksum matched (its fields were checked when indexed).</summary>
    internal static IndexedProduct FromSnapshot(ProductId id, string brand, string name, string style,
        string familyId, Money price, Availability availability, string productUrl, string? imageSha256) =>
        new(id, price, availability, brand, name, style, familyId, productUrl, imageSha256);

    public static IndexedProduct From(Product product) => new(
        product.Id, product.Brand, product.Name, product.Price, product.ProductUrl.AbsoluteUri,
        product.Availability, product.Style, product.FamilyId, product.ImageSha256);

    /// <summary>The colour/size variant group this product belongs to.</summary>
    public ProductFamily Family => new(Id.Retailer, FamilyId);

    public IndexedProduct WithListing(Money price, Availability availability) =>
        new(Id, Brand, Name, price, ProductUrl, availability, Style, FamilyId, ImageSha256);
}

/// <summary>Colour and size variants of one design at one retailer.</summary>
public readonly record struct ProductFamily(string Retailer, string FamilyId)
{
    public override string ToString() => $"{Retailer}:{FamilyId}";
}
