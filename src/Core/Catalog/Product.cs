using System.Security.Cryptography;
using System.Text;
using Pursearch.Core.Money;

namespace Pursearch.Core.Catalog;

/// <summary>A retailer's product as last seen, validated at construction.</summary>
public sealed record Product
{
    public ProductId Id { get; }
    public string Brand { get; }
    public string Name { get; }
    /// <summary>Style or category as the retailer names it (e.g. "Flap Shoulder Bag"); may be empty.</summary>
    public string Style { get; }
    /// <summary>Groups colour and size variants of one design; defaults to the sku.</summary>
    public string FamilyId { get; }
    public string Colour { get; }
    public Money.Money Price { get; }
    public Uri ProductUrl { get; }
    public Uri ImageUrl { get; }
    /// <summary>SHA-256 of the stored image bytes, once fetched.</summary>
    public string? ImageSha256 { get; }
    public Availability Availability { get; }
    public DateTimeOffset FirstSeen { get; }
    public DateTimeOffset LastSeen { get; }

    public Product(
        ProductId id, string brand, string name, Money.Money price, Uri productUrl, Uri imageUrl,
        Availability availability = Availability.InStock, string? style = null, string? familyId = null,
        string? colour = null, string? imageSha256 = null, DateTimeOffset? firstSeen = null,
        DateTimeOffset? lastSeen = null)
    {
        if (id.Sku is null)
            throw new DomainException("id", "is required");
        Id = id;
        Brand = Guard.NotBlank(brand, "brand");
        Name = Guard.NotBlank(name, "name");
        Price = price.Currency.Code is null ? throw new DomainException("price", "is required") : price;
        ProductUrl = Guard.HttpUrl(productUrl?.OriginalString, "productUrl");
        ImageUrl = Guard.HttpUrl(imageUrl?.OriginalString, "imageUrl");
        Availability = Enum.IsDefined(availability)
            ? availability
            : throw new DomainException("availability", $"'{availability}' is not a known state");
        Style = style?.Trim() ?? "";
        FamilyId = string.IsNullOrWhiteSpace(familyId) ? id.Sku : familyId.Trim();
        Colour = colour?.Trim() ?? "";
        ImageSha256 = imageSha256 is null ? null : Guard.Sha256Hex(imageSha256, "imageSha256");
        var now = DateTimeOffset.UtcNow;
        FirstSeen = firstSeen ?? lastSeen ?? now;
        LastSeen = lastSeen ?? FirstSeen;
        if (LastSeen < FirstSeen)
            throw new DomainException("lastSeen", "must not be before firstSeen");
    }

    /// <summary>Hash of everything the retailer publishes (not the timestamps): equal hashes mean nothing changed.</summary>
    public string ContentHash => Hash(string.Join('\u001f',
        Id, Brand, Name, Style, FamilyId, Colour, PriceFingerprint, ImageFingerprint));

    /// <summary>Price and availability: what can change without touching the vector.</summary>
    public string PriceFingerprint => $"{Price.Amount:0.####}|{Price.Currency}|{Availability}";

    /// <summary>The image as far as it is known: a change here needs a new embedding.</summary>
    public string ImageFingerprint => $"{ImageUrl.AbsoluteUri}|{ImageSha256}";

    public Product WithImage(string imageSha256) => Copy(imageSha256: imageSha256);

    public Product WithAvailability(Availability availability) => Copy(availability: availability);

    public Product WithSeen(DateTimeOffset firstSeen, DateTimeOffset lastSeen) =>
        Copy(firstSeen: firstSeen, lastSeen: lastSeen);

    private Product Copy(string? imageSha256 = null, Availability? availability = null,
        DateTimeOffset? firstSeen = null, DateTimeOffset? lastSeen = null) =>
        new(Id, Brand, Name, Price, ProductUrl, ImageUrl, availability ?? Availability, Style, FamilyId, Colour,
            imageSha256 ?? ImageSha256, firstSeen ?? FirstSeen, lastSeen ?? LastSeen);

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
