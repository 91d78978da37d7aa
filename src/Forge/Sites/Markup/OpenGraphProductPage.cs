namespace Pursearch.Forge.Sites.Markup;

/// <summary>
/// A product page with OpenGraph product tags that leave out the price, as many shops' themes do: the price, sku and
/// stock are only in plain HTML.
/// </summary>
public static class OpenGraphProductPage
{
    public static string Render(ShopItem item, ShopLayout layout, SiteLinks links)
    {
        var p = item.Product;
        var head = $"""
            <meta property="og:type" content="product">
            <meta property="og:site_name" content="{Html.Attribute(item.Retailer.Name)}">
            <meta property="og:title" content="{Html.Attribute(p.Name)}">
            <meta property="og:url" content="{Html.Attribute(links.Absolute(item.PagePath))}">
            <meta property="og:image" content="{Html.Attribute(links.Absolute(item.ImagePath))}">
            <meta property="product:brand" content="{Html.Attribute(p.Brand)}">
            <meta property="product:retailer_item_id" content="{Html.Attribute(p.Sku)}">
            <meta property="product:availability" content="{Html.Attribute(StockTag(item))}">
            <meta property="product:color" content="{Html.Attribute(p.Colour.Name)}">
            <meta property="product:category" content="{Html.Attribute(p.StyleName)}">
            <meta property="product:item_group_id" content="{Html.Attribute(p.FamilyId)}">
            """;
        var body = $"""
            {ProductPages.Breadcrumbs(layout, links)}
            <main class="product">
            <h1>{Html.Text(p.Name)}</h1>
            <img class="product-image" src="{Html.Attribute(links.Href(item.ImagePath))}" alt="{Html.Attribute(p.Name)}">
            <div class="product-price">{Html.Text(PriceText.Format(item.Price, layout.Prices))}</div>
            <p class="sku">Item no: {Html.Text(p.Sku)}</p>
            <p class="stock">{Html.Text(ProductPages.StockText(item.Availability))}</p>
            </main>
            """;
        return Html.Page(item.Retailer.Name, p.Name, head, body, links);
    }

    private static string StockTag(ShopItem item) => item.Availability switch
    {
        Core.Catalog.Availability.InStock => "in stock",
        Core.Catalog.Availability.OutOfStock => "out of stock",
        Core.Catalog.Availability.PreOrder => "preorder",
        _ => "discontinued",
    };
}
