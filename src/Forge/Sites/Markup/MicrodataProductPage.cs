namespace Pursearch.Forge.Sites.Markup;

/// <summary>A product page in schema.org microdata: nested Brand and Offer items, the price as continental shop text.</summary>
public static class MicrodataProductPage
{
    public static string Render(ShopItem item, ShopLayout layout, SiteLinks links)
    {
        var p = item.Product;
        var body = $"""
            {ProductPages.Breadcrumbs(layout, links)}
            <main>
            <article itemscope itemtype="https://schema.org/Product">
            <h1 itemprop="name">{Html.Text(p.Name)}</h1>
            <p>by <span itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">{Html.Text(p.Brand)}</span></span></p>
            <img itemprop="image" src="{Html.Attribute(links.Href(item.ImagePath))}" alt="{Html.Attribute(p.Name)}">
            <meta itemprop="sku" content="{Html.Attribute(p.Sku)}">
            <meta itemprop="color" content="{Html.Attribute(p.Colour.Name)}">
            <meta itemprop="category" content="{Html.Attribute(ProductPages.Category(item))}">
            <meta itemprop="inProductGroupWithID" content="{Html.Attribute(p.FamilyId)}">
            <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
            <span itemprop="price">{Html.Text(PriceText.Format(item.Price, layout.Prices))}</span>
            <meta itemprop="priceCurrency" content="{item.Price.Currency.Code}">
            <link itemprop="availability" href="{ProductPages.SchemaAvailability(item.Availability)}">{Html.Text(ProductPages.StockText(item.Availability))}
            </div>
            </article>
            </main>
            """;
        return Html.Page(item.Retailer.Name, p.Name, "", body, links);
    }
}
