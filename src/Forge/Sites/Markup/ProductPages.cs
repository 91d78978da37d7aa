using Pursearch.Core.Catalog;

namespace Pursearch.Forge.Sites.Markup;

/// <summary>Renders a product page in its shop's <see cref="ProductMarkupStyle"/>, around the same visible content.</summary>
public static class ProductPages
{
    public static string Render(ShopItem item, ShopLayout layout, SiteLinks links) => layout.Markup switch
    {
        ProductMarkupStyle.JsonLd => JsonLdProductPage.Render(item, layout, links),
        ProductMarkupStyle.JsonLdGraph => JsonLdGraphProductPage.Render(item, layout, links),
        ProductMarkupStyle.Microdata => MicrodataProductPage.Render(item, layout, links),
        ProductMarkupStyle.OpenGraph => OpenGraphProductPage.Render(item, layout, links),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout.Markup, null),
    };

    /// <summary>The schema.org ItemAvailability URL of a state.</summary>
    public static string SchemaAvailability(Availability availability) => "https://schema.org/" + availability;

    /// <summary>Stock as a shop writes it for people.</summary>
    public static string StockText(Availability availability) => availability switch
    {
        Availability.InStock => "In stock",
        Availability.OutOfStock => "Out of stock",
        Availability.PreOrder => "Pre-order",
        _ => "Discontinued",
    };

    /// <summary>The category path shops put in structured data; its last step is the style.</summary>
    public static string Category(ShopItem item) => $"Handbags > {item.Product.StyleName}";

    /// <summary>Breadcrumbs back to the listing and home, written in the shop's link style.</summary>
    public static string Breadcrumbs(ShopLayout layout, SiteLinks links) =>
        $"""<nav class="crumbs"><a href="{Html.Attribute(links.Href("/"))}">Home</a> / <a href="{Html.Attribute(links.Href(layout.ListingPath(1)))}">Handbags</a></nav>""";
}
