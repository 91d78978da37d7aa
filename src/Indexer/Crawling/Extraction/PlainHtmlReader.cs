using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// The last resort: reads a product from conventional HTML (the <c>h1</c>, elements whose class or id names the price,
/// brand, sku or stock, <c>data-sku</c> attributes, the product image). It fills gaps left by structured markup, and
/// stands alone only when a page shows a name, a price and a sku.
/// </summary>
public static partial class PlainHtmlReader
{
    private const string PriceSelector = "[itemprop=price], [class*=price], [id*=price], [data-price]";
    private const string SkuAttributes = "data-sku data-product-sku data-product-id data-item-id data-sku-id";

    public static ProductCandidate Read(IDocument document, Uri baseUri)
    {
        var candidate = new ProductCandidate(ProductMarkup.Html)
        {
            Name = Text(document.QuerySelector("h1")),
            Price = PriceText(document),
            PriceNotation = PriceNotation.Text,
            PriceCurrency = document.QuerySelector("[itemprop=priceCurrency]")?.GetAttribute("content"),
            Brand = ShortText(document.QuerySelector("[itemprop=brand], [class*=brand], [id*=brand]"), 80)
                    ?? document.QuerySelector("meta[name=brand]")?.GetAttribute("content"),
            Sku = SkuOf(document),
            Availability = AvailabilityOf(document),
            Colour = document.QuerySelector("[data-colour], [data-color]") is { } colour
                ? colour.GetAttribute("data-colour") ?? colour.GetAttribute("data-color")
                : null,
        };
        if (ImageOf(document, baseUri) is { } image)
            candidate.Images.Add(image);
        return candidate;
    }

    public static bool LooksLikeProductPage(ProductCandidate candidate) =>
        candidate is { Name: not null, Price: not null, Sku: not null };

    /// <summary>The innermost price element that is not a struck-out or former price.</summary>
    private static string? PriceText(IDocument document)
    {
        var elements = document.QuerySelectorAll(PriceSelector)
            .Where(e => !IsFormerPrice(e) && e.QuerySelector(PriceSelector) is null)
            .ToList();
        foreach (var element in elements)
        {
            var text = element.GetAttribute("content") ?? element.TextContent;
            if (text.Any(char.IsAsciiDigit))
                return text.Trim();
            if (element.GetAttribute("data-price") is { } data && data.Any(char.IsAsciiDigit))
                return data.Trim();
        }
        return null;
    }

    private static bool IsFormerPrice(IElement element)
    {
        if (element.Closest("del, s, strike") is not null)
            return true;
        var names = $"{element.ClassName} {element.Id}".ToLowerInvariant();
        return FormerPriceWords().IsMatch(names);
    }

    private static string? SkuOf(IDocument document)
    {
        foreach (var attribute in SkuAttributes.Split(' '))
            if (document.QuerySelector($"[{attribute}]")?.GetAttribute(attribute) is { Length: > 0 } value)
                return value.Trim();
        var element = document.QuerySelector("[itemprop=sku], [class*=sku], [id*=sku]");
        var text = element?.GetAttribute("content") ?? ShortText(element, 80);
        if (text is null)
            return null;
        var label = SkuLabel().Match(text);
        return label.Success ? text[(label.Index + label.Length)..].Trim() : text;
    }

    private static string? AvailabilityOf(IDocument document)
    {
        var element = document.QuerySelector("[itemprop=availability], [class*=availability], [class*=stock], [id*=availability]");
        return element?.GetAttribute("href") ?? element?.GetAttribute("content") ?? ShortText(element, 40);
    }

    private static Uri? ImageOf(IDocument document, Uri baseUri)
    {
        var source = document.QuerySelector("link[rel=image_src]")?.GetAttribute("href");
        if (source is null)
        {
            var image = document.QuerySelector(
                "[class*=product] img, [id*=product] img, main img, article img, img[itemprop=image]");
            source = image?.GetAttribute("src") ?? image?.GetAttribute("data-src");
        }
        return source is not null && Uri.TryCreate(baseUri, source.Trim(), out var url) ? url : null;
    }

    private static string? ShortText(IElement? element, int maxLength)
    {
        var text = Text(element);
        return text is null || text.Length > maxLength ? null : text;
    }

    private static string? Text(IElement? element)
    {
        var text = element?.TextContent.Trim();
        return string.IsNullOrEmpty(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex("old|was|compare|strike|regular|original|list|before|rrp|msrp")]
    private static partial Regex FormerPriceWords();

    [GeneratedRegex(@"^\s*(?:sku|item|style|art(?:icle)?|ref(?:erence)?|product)\s*(?:no\.?|number|code|id|#)?\s*[:#]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SkuLabel();
}
