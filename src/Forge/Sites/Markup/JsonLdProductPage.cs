namespace Pursearch.Forge.Sites.Markup;

/// <summary>A product page with one schema.org Product JSON-LD block (Brand object, image list, one Offer).</summary>
public static class JsonLdProductPage
{
    public static string Render(ShopItem item, ShopLayout layout, SiteLinks links)
    {
        var p = item.Product;
        var json = Html.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org");
            w.WriteString("@type", "Product");
            w.WriteString("sku", p.Sku);
            w.WriteString("name", p.Name);
            w.WriteStartObject("brand");
            w.WriteString("@type", "Brand");
            w.WriteString("name", p.Brand);
            w.WriteEndObject();
            w.WriteStartArray("image");
            w.WriteStringValue(links.Absolute(item.ImagePath));
            w.WriteEndArray();
            w.WriteString("color", p.Colour.Name);
            w.WriteString("category", ProductPages.Category(item));
            w.WriteString("inProductGroupWithID", p.FamilyId);
            w.WriteStartObject("offers");
            w.WriteString("@type", "Offer");
            w.WriteString("url", links.Absolute(item.PagePath));
            w.WriteString("price", PriceText.Plain(item.Price));
            w.WriteString("priceCurrency", item.Price.Currency.Code);
            w.WriteString("availability", ProductPages.SchemaAvailability(item.Availability));
            w.WriteEndObject();
            w.WriteEndObject();
        });
        var head = $"""
            <link rel="canonical" href="{Html.Attribute(links.Absolute(item.PagePath))}">
            <script type="application/ld+json">{json}</script>
            """;
        var body = $"""
            {ProductPages.Breadcrumbs(layout, links)}
            <main>
            <h1>{Html.Text(p.Name)}</h1>
            <img src="{Html.Attribute(links.Href(item.ImagePath))}" alt="{Html.Attribute(p.Name)}" width="512" height="512">
            <p class="price">{Html.Text(PriceText.Format(item.Price, layout.Prices))}</p>
            <p>{Html.Text(ProductPages.StockText(item.Availability))} · {Html.Text(p.Colour.Name)}</p>
            </main>
            """;
        return Html.Page(item.Retailer.Name, p.Name, head, body, links);
    }
}
