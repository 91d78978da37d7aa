using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>What a page yielded: valid products, and why each product-like thing that was not valid was skipped.</summary>
public sealed record PageExtraction(IReadOnlyList<ExtractedProduct> Products, IReadOnlyList<string> SkipReasons, int MalformedJsonLd)
{
    /// <summary>Whether the page looked like a product page at all (valid or not).</summary>
    public bool HasProductMarkup => Products.Count > 0 || SkipReasons.Count > 0;
}

/// <summary>
/// Extracts products from a page: schema.org JSON-LD first, then microdata, then OpenGraph, then plain HTML; the first
/// that finds any product wins. A page with a single product fills that product's missing fields from the later ones
/// (e.g. an image only OpenGraph gives). Candidates without price or image are skipped with the reason.
/// </summary>
public static class ProductExtractor
{
    public static PageExtraction Extract(HtmlPage page)
    {
        var baseUri = page.BaseUri;
        var pageUrl = UrlCanonicalizer.Canonicalize(page.Url);
        using var jsonLd = JsonLdBlocks.Read(page);
        using var microdata = MicrodataReader.Read(page);
        var malformed = jsonLd.Malformed;
        var plain = PlainHtmlReader.Read(page);
        var layers = new List<List<ProductCandidate>>
        {
            new SchemaOrgProductReader(jsonLd, baseUri, ProductMarkup.JsonLd).Read(),
            new SchemaOrgProductReader(microdata, baseUri, ProductMarkup.Microdata).Read(),
            OpenGraphReader.Read(page) is { } openGraph ? [openGraph] : [],
            PlainHtmlReader.LooksLikeProductPage(plain) ? [plain] : [],
        };
        var primary = layers.FindIndex(layer => layer.Count > 0);
        if (primary < 0)
            return new PageExtraction([], [], malformed);
        var candidates = layers[primary];
        if (candidates.Count == 1)
        {
            foreach (var lower in layers.Skip(primary + 1).Where(layer => layer.Count == 1))
                candidates[0].FillFrom(lower[0]);
            candidates[0].FillFrom(plain);
        }
        return Validate(candidates, pageUrl, malformed);
    }

    private static PageExtraction Validate(List<ProductCandidate> candidates, Uri pageUrl, int malformed)
    {
        var products = new List<ExtractedProduct>();
        var reasons = new List<string>();
        var skus = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (!ExtractedProduct.TryCreate(candidate, pageUrl, out var product, out var reason))
                reasons.Add(candidate.Name is null ? reason : $"{reason} ('{candidate.Name}')");
            else if (skus.Add(product.Sku))
                products.Add(product);
        }
        return new PageExtraction(products, reasons, malformed);
    }
}
