using Pursearch.Indexer.Crawling.Extraction.Markup;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// Reads OpenGraph and product meta tags (<c>og:title</c>, <c>og:image</c>, <c>product:price:amount</c>,
/// <c>product:price:currency</c>, <c>product:brand</c>, <c>product:availability</c>, <c>product:retailer_item_id</c>, ...).
/// A page is a product when <c>og:type</c> says so or it carries a price.
/// </summary>
public static class OpenGraphReader
{
    public static ProductCandidate? Read(HtmlPage page)
    {
        var baseUri = page.BaseUri;
        var tags = MetaTags(page.Elements.MetaWithContent);
        string? First(params string[] keys) =>
            keys.Select(k => tags.GetValueOrDefault(k)?.FirstOrDefault()).FirstOrDefault(v => v is not null);

        var price = First("product:price:amount", "og:price:amount", "product:sale_price:amount");
        var type = First("og:type");
        if (price is null && type?.Contains("product", StringComparison.OrdinalIgnoreCase) != true)
            return null;
        var candidate = new ProductCandidate(ProductMarkup.OpenGraph)
        {
            Name = First("og:title", "product:title"),
            Price = price,
            PriceNotation = PriceNotation.Structured,
            PriceCurrency = First("product:price:currency", "og:price:currency", "product:sale_price:currency"),
            Brand = First("product:brand", "og:brand"),
            Availability = First("product:availability", "og:availability"),
            Sku = First("product:retailer_item_id", "product:sku", "og:sku", "product:retailer_part_no"),
            Colour = First("product:color", "og:color"),
            Style = First("product:category"),
            FamilyId = First("product:item_group_id", "product:group_id"),
            Gtin = First("product:gtin", "product:ean", "product:upc"),
            Mpn = First("product:mfr_part_no"),
            Url = Resolve(First("og:url"), baseUri),
        };
        foreach (var key in new[] { "og:image:secure_url", "og:image:url", "og:image" })
            foreach (var value in tags.GetValueOrDefault(key) ?? [])
                if (Resolve(value, baseUri) is { } image && !candidate.Images.Contains(image))
                    candidate.Images.Add(image);
        return candidate;
    }

    private static Dictionary<string, List<string>> MetaTags(IReadOnlyList<MarkupElement> metaWithContent)
    {
        var tags = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in metaWithContent)
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name");
            var content = meta.GetAttribute("content")?.Trim();
            if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(content))
                continue;
            if (!tags.TryGetValue(key.Trim(), out var values))
                tags[key.Trim()] = values = [];
            values.Add(content);
        }
        return tags;
    }

    private static Uri? Resolve(string? text, Uri baseUri) =>
        text is not null && Uri.TryCreate(baseUri, text, out var url) ? url : null;
}
