namespace Pursearch.Forge.Sites.Markup;

/// <summary>
/// A product page whose JSON-LD is a <c>@graph</c>, as SEO plugins write it: WebPage, Organization and Brand nodes, the
/// Product pointing at its Brand by <c>@id</c>, an ImageObject, and offers as a list with the price in shop text.
/// </summary>
public static class JsonLdGraphProductPage
{
    public static string Render(ShopItem item, ShopLayout layout, SiteLinks links)
    {
        var p = item.Product;
        var page = links.Absolute(item.PagePath);
        var organisation = links.Absolute("/#organization");
        var brand = links.Absolute($"/#brand-{Uri.EscapeDataString(p.Brand.ToLowerInvariant().Replace(' ', '-'))}");
        var json = Html.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org");
            w.WriteStartArray("@graph");
            w.WriteStartObject();
            w.WriteString("@type", "WebPage");
            w.WriteString("@id", page + "#webpage");
            w.WriteString("url", page);
            w.WriteString("name", p.Name);
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString("@type", "Organization");
            w.WriteString("@id", organisation);
            w.WriteString("name", item.Retailer.Name);
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString("@type", "Brand");
            w.WriteString("@id", brand);
            w.WriteString("name", p.Brand);
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString("@type", "Product");
            w.WriteString("@id", page + "#product");
            w.WriteStartObject("mainEntityOfPage");
            w.WriteString("@id", page + "#webpage");
            w.WriteEndObject();
            w.WriteString("name", p.Name);
            w.WriteString("sku", p.Sku);
            w.WriteStartObject("brand");
            w.WriteString("@id", brand);
            w.WriteEndObject();
            w.WriteStartObject("image");
            w.WriteString("@type", "ImageObject");
            w.WriteString("url", links.Absolute(item.ImagePath));
            w.WriteNumber("width", Rendering.ProductShotRenderer.Size);
            w.WriteNumber("height", Rendering.ProductShotRenderer.Size);
            w.WriteEndObject();
            w.WriteString("color", p.Colour.Name);
            w.WriteString("model", p.StyleName);
            w.WriteString("inProductGroupWithID", p.FamilyId);
            w.WriteStartArray("offers");
            w.WriteStartObject();
            w.WriteString("@type", "Offer");
            w.WriteString("price", PriceText.Format(item.Price, layout.Prices));
            w.WriteString("priceCurrency", item.Price.Currency.Code);
            w.WriteString("availability", ProductPages.SchemaAvailability(item.Availability));
            w.WriteStartObject("seller");
            w.WriteString("@id", organisation);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
        var head = $"""<script type="application/ld+json">{json}</script>""";
        var body = $"""
            {ProductPages.Breadcrumbs(layout, links)}
            <main>
            <h1>{Html.Text(p.Name)}</h1>
            <figure><img src="{Html.Attribute(links.Href(item.ImagePath))}" alt=""></figure>
            <div class="buy"><b>{Html.Text(PriceText.Format(item.Price, layout.Prices))}</b> {Html.Text(ProductPages.StockText(item.Availability))}</div>
            </main>
            """;
        return Html.Page(item.Retailer.Name, p.Name, head, body, links);
    }
}
