using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Forge.World;

namespace Pursearch.Forge.Sites;

/// <summary>
/// A product as its shop currently offers it: the Forge product with the shop's own state on top (today's price,
/// stock, which photo of it is up, whether it is listed) and a version that moves with every change.
/// </summary>
public sealed record ShopItem(ForgeProduct Product, Money Price, Availability Availability, int ImageRevision, bool Listed, int Version)
{
    /// <summary>When the shop's pages say the product last changed: a fixed epoch plus one minute per version.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public ProductId Id => Product.Id;
    public string Sku => Product.Sku;
    public Retailer Retailer => Product.Retailer;

    /// <summary>The path of the product page, as in the Forge catalog (<c>/p/{sku}</c>).</summary>
    public string PagePath => $"/p/{Sku}";

    /// <summary>The path of the current photo: <c>/img/{sku}.jpg</c> as in the Forge catalog, <c>/img/{sku}-v{n}.jpg</c> after a change.</summary>
    public string ImagePath => ImageRevision == 0 ? $"/img/{Sku}.jpg" : $"/img/{Sku}-v{ImageRevision + 1}.jpg";

    public DateTimeOffset LastModified => Epoch.AddMinutes(Version);
}
