using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>A product read from a page with every field a catalog product needs, not yet tied to a retailer.</summary>
public sealed record ExtractedProduct(
    string Sku, string Name, string Brand, Money Price, IReadOnlyList<Uri> ImageUrls, Uri ProductUrl,
    Availability Availability, string? Style, string? Colour, string? FamilyId, string? Gtin, string? Mpn,
    ProductMarkup Markup)
{
    public Uri ImageUrl => ImageUrls[0];

    /// <summary>Validates a candidate; <paramref name="reason"/> says what is missing when it is not a product.</summary>
    public static bool TryCreate(ProductCandidate candidate, Uri pageUrl, out ExtractedProduct product, out string reason)
    {
        product = null!;
        var images = candidate.Images.Where(IsHttp).Distinct().ToList();
        reason = ProblemOf(candidate, images, out var price) ?? "";
        if (reason.Length > 0)
            return false;
        var productUrl = candidate.Url is { } url && IsHttp(url) ? UrlCanonicalizer.Canonicalize(url) : pageUrl;
        var sku = Whitespace.Collapse(candidate.Sku) ?? SkuFromUrl(productUrl);
        if (sku is null)
        {
            reason = "no sku";
            return false;
        }
        product = new ExtractedProduct(
            sku, Whitespace.Collapse(candidate.Name)!, Whitespace.Collapse(candidate.Brand)!, price, images, productUrl,
            AvailabilityParser.Parse(candidate.Availability) ?? Availability.InStock,
            Whitespace.Collapse(candidate.Style), Whitespace.Collapse(candidate.Colour),
            Whitespace.Collapse(candidate.FamilyId), Whitespace.Collapse(candidate.Gtin), Whitespace.Collapse(candidate.Mpn),
            candidate.Markup);
        return true;
    }

    /// <summary>The catalog product of <paramref name="retailer"/>; throws <see cref="Core.DomainException"/> on values the catalog refuses.</summary>
    public Product ToProduct(string retailer, DateTimeOffset seenAt) =>
        new(new ProductId(retailer, Sku), Brand, Name, Price, ProductUrl, ImageUrl, Availability, Style, FamilyId, Colour,
            firstSeen: seenAt, lastSeen: seenAt);

    /// <summary>The first thing that keeps the candidate from being a product: price and image first.</summary>
    private static string? ProblemOf(ProductCandidate candidate, List<Uri> images, out Money price)
    {
        price = default;
        if (candidate.Price is null)
            return "no price";
        if (!PriceParser.TryParse(candidate.Price, candidate.PriceCurrency, out price, candidate.PriceNotation))
            return PriceParser.Diagnose(candidate.Price, candidate.PriceCurrency);
        if (images.Count == 0)
            return candidate.Images.Count == 0 ? "no image" : "no http(s) image URL";
        if (Whitespace.Collapse(candidate.Name) is null)
            return "no product name";
        return Whitespace.Collapse(candidate.Brand) is null ? "no brand" : null;
    }

    private static bool IsHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    /// <summary>A product page without a sku is identified by the last segment of its URL (without extension).</summary>
    private static string? SkuFromUrl(Uri url)
    {
        var last = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (last is null)
            return null;
        var dot = last.LastIndexOf('.');
        var name = Uri.UnescapeDataString(dot > 0 ? last[..dot] : last);
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }
}
