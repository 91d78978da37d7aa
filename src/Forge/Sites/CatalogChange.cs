namespace Pursearch.Forge.Sites;

/// <summary>What a switch changes about the products it picks.</summary>
public enum CatalogChange
{
    /// <summary>A new price (a sale, or a rise where the sale would fall off the shop's range).</summary>
    Price,
    /// <summary>A new photo, under a new image URL (as shops version their image files).</summary>
    Image,
    /// <summary>In stock becomes out of stock and back.</summary>
    Stock,
    /// <summary>Taken off the shop: the page answers 404 and no listing or sitemap links it.</summary>
    Delist,
}
