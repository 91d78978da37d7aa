using System.Text.RegularExpressions;
using Pursearch.Indexer.Crawling.Extraction.Markup;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// The last resort: reads a product from conventional HTML (the <c>h1</c>, elements whose class or id names the price,
/// brand, sku or stock, <c>data-sku</c> attributes, the product image). It fills gaps left by structured markup, and
/// stands alone only when a page shows a name, a price and a sku.
/// </summary>
public static partial class PlainHtmlReader
{
    public static ProductCandidate Read(HtmlPage page)
    {
        var elements = page.Elements;
        var candidate = new ProductCandidate(ProductMarkup.Html)
        {
            Name = Text(elements.FirstHeading),
            Price = PriceText(elements.InnermostPrices),
            PriceNotation = PriceNotation.Text,
            PriceCurrency = elements.FirstPriceCurrency?.GetAttribute("content"),
            Brand = ShortText(elements.FirstBrand, 80) ?? elements.FirstBrandMeta?.GetAttribute("content"),
            Sku = SkuOf(elements),
            Availability = AvailabilityOf(elements.FirstAvailability),
            Colour = elements.FirstColour is { } colour
                ? colour.GetAttribute("data-colour") ?? colour.GetAttribute("data-color")
                : null,
        };
        if (ImageOf(elements, page.BaseUri) is { } image)
            candidate.Images.Add(image);
        return candidate;
    }

    public static bool LooksLikeProductPage(ProductCandidate candidate) =>
        candidate is { Name: not null, Price: not null, Sku: not null };

    /// <summary>The first innermost price element that is not a former price (by its class or id) with digits.</summary>
    private static string? PriceText(IReadOnlyList<MarkupElement> innermostPrices)
    {
        foreach (var element in innermostPrices.Where(e => !IsFormerPrice(e)))
        {
            var text = element.GetAttribute("content") ?? element.TextContent;
            if (text.Any(char.IsAsciiDigit))
                return text.Trim();
            if (element.GetAttribute("data-price") is { } data && data.Any(char.IsAsciiDigit))
                return data.Trim();
        }
        return null;
    }

    private static bool IsFormerPrice(MarkupElement element) =>
        element.GetAttribute("class") is { } classes && FormerPriceWords().IsMatch(classes) ||
        element.GetAttribute("id") is { } id && FormerPriceWords().IsMatch(id);

    private static string? SkuOf(PageElements elements)
    {
        if (elements.SkuAttributeValues.FirstOrDefault(value => value is { Length: > 0 }) is { } value)
            return value.Trim();
        var element = elements.FirstSku;
        var text = element?.GetAttribute("content") ?? ShortText(element, 80);
        if (text is null)
            return null;
        var label = SkuLabel().Match(text);
        return label.Success ? text[(label.Index + label.Length)..].Trim() : text;
    }

    private static string? AvailabilityOf(MarkupElement? element) =>
        element?.GetAttribute("href") ?? element?.GetAttribute("content") ?? ShortText(element, 40);

    private static Uri? ImageOf(PageElements elements, Uri baseUri)
    {
        var source = elements.FirstImageSourceLink?.GetAttribute("href");
        if (source is null)
        {
            var image = elements.FirstProductImage;
            source = image?.GetAttribute("src") ?? image?.GetAttribute("data-src");
        }
        return source is not null && Uri.TryCreate(baseUri, source.Trim(), out var url) ? url : null;
    }

    private static string? ShortText(MarkupElement? element, int maxLength)
    {
        var text = Text(element);
        return text is null || text.Length > maxLength ? null : text;
    }

    private static string? Text(MarkupElement? element) => Whitespace.Collapse(element?.TextContent);

    [GeneratedRegex("old|was|compare|strike|regular|original|list|before|rrp|msrp", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormerPriceWords();

    [GeneratedRegex(@"^\s*(?:sku|item|style|art(?:icle)?|ref(?:erence)?|product)\s*(?:no\.?|number|code|id|#)?\s*[:#]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SkuLabel();
}
