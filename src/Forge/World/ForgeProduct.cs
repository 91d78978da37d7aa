using Pursearch.Core.Catalog;
using Pursearch.Core.Money;

namespace Pursearch.Forge.World;

/// <summary>One product a retailer lists: a colour/size variant of a branded style, or an unbranded dupe of one.</summary>
public sealed record ForgeProduct(
    int Index,
    Retailer Retailer,
    string Sku,
    string Brand,
    string Name,
    HandbagStyle Style,
    string FamilyId,
    Colourway Colour,
    BagSize Size,
    Money Price,
    bool IsDupe)
{
    public ProductId Id => new(Retailer.Slug, Sku);

    /// <summary>What the retailer calls the style: the house's style name, or a descriptive category for a dupe.</summary>
    public string StyleName => IsDupe ? DupeNames.Category(Style.Silhouette) : Style.Name;

    public Uri ProductUrl => new($"https://{Retailer.Host}/p/{Sku}");

    public Uri ImageUrl => new($"https://{Retailer.Host}/img/{Sku}.jpg");

    /// <summary>Where the product shot goes, relative to the generated folder.</summary>
    public string ImagePath => $"products/{Retailer.Slug}/{Sku}.jpg";

    public Product ToCatalogProduct() =>
        new(Id, Brand, Name, Price, ProductUrl, ImageUrl, Availability.InStock, StyleName, FamilyId, Colour.Name);
}
