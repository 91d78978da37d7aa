using Pursearch.Indexer.Crawling.Extraction.Markup;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// The elements of a page that the readers look at, collected in one walk of its tree in document order instead of
/// one CSS query per reader and field (whole-document <c>[class*=…]</c> queries cost more than parsing the page).
/// The <c>First…</c> members are what <c>document.QuerySelector(selector)</c> would return for the selector in their
/// summary; attribute values match case-sensitively, element names not, as in CSS.
/// </summary>
public sealed class PageElements
{
    private static readonly string[] SkuAttributeNames =
        ["data-sku", "data-product-sku", "data-product-id", "data-item-id", "data-sku-id"];

    private readonly MarkupElement?[] _firstWithSkuAttribute = new MarkupElement?[SkuAttributeNames.Length];
    private readonly List<MarkupElement> _scripts = [];
    private readonly List<MarkupElement> _itemScopes = [];
    private readonly List<MarkupElement> _metaWithContent = [];
    private readonly List<MarkupElement> _hyperlinks = [];
    private readonly List<MarkupElement> _innermostPrices = [];

    private PageElements()
    {
    }

    /// <summary><c>script[type]</c>.</summary>
    public IReadOnlyList<MarkupElement> Scripts => _scripts;

    /// <summary><c>[itemscope]</c>.</summary>
    public IReadOnlyList<MarkupElement> ItemScopes => _itemScopes;

    /// <summary><c>meta[content]</c>.</summary>
    public IReadOnlyList<MarkupElement> MetaWithContent => _metaWithContent;

    /// <summary><c>a[href], area[href], link[href]</c>.</summary>
    public IReadOnlyList<MarkupElement> Hyperlinks => _hyperlinks;

    /// <summary>The href of the first <c>base[href]</c>.</summary>
    public string? BaseHref { get; private set; }

    /// <summary>
    /// Price-like elements (<c>[itemprop=price], [class*=price], [id*=price], [data-price]</c>) that contain no other
    /// and are not inside <c>del, s, strike</c>.
    /// </summary>
    public IReadOnlyList<MarkupElement> InnermostPrices => _innermostPrices;

    /// <summary><c>h1</c>.</summary>
    public MarkupElement? FirstHeading { get; private set; }

    /// <summary><c>[itemprop=priceCurrency]</c>.</summary>
    public MarkupElement? FirstPriceCurrency { get; private set; }

    /// <summary><c>[itemprop=brand], [class*=brand], [id*=brand]</c>.</summary>
    public MarkupElement? FirstBrand { get; private set; }

    /// <summary><c>meta[name=brand]</c>.</summary>
    public MarkupElement? FirstBrandMeta { get; private set; }

    /// <summary><c>[itemprop=sku], [class*=sku], [id*=sku]</c>.</summary>
    public MarkupElement? FirstSku { get; private set; }

    /// <summary><c>[itemprop=availability], [class*=availability], [class*=stock], [id*=availability]</c>.</summary>
    public MarkupElement? FirstAvailability { get; private set; }

    /// <summary><c>[data-colour], [data-color]</c>.</summary>
    public MarkupElement? FirstColour { get; private set; }

    /// <summary><c>link[rel=image_src]</c>.</summary>
    public MarkupElement? FirstImageSourceLink { get; private set; }

    /// <summary><c>[class*=product] img, [id*=product] img, main img, article img, img[itemprop=image]</c>.</summary>
    public MarkupElement? FirstProductImage { get; private set; }

    /// <summary>The values of the first elements with <c>data-sku</c>, <c>data-product-sku</c>, <c>data-product-id</c>,
    /// <c>data-item-id</c>, <c>data-sku-id</c>, in that order of preference.</summary>
    public IEnumerable<string?> SkuAttributeValues =>
        SkuAttributeNames.Select((name, i) => _firstWithSkuAttribute[i]?.GetAttribute(name));

    /// <summary>Collects from <paramref name="root"/> and everything under it.</summary>
    public static PageElements Collect(MarkupElement root)
    {
        var elements = new PageElements();
        elements.Walk(root);
        return elements;
    }

    /// <summary>Depth-first in document order, without recursion (malformed pages can nest very deeply).</summary>
    private void Walk(MarkupElement root)
    {
        var prices = new List<PriceElement>();
        var path = new List<Frame>();
        var pending = new Stack<(MarkupElement Element, int Depth)>();
        pending.Push((root, 0));
        while (pending.TryPop(out var next))
        {
            path.RemoveRange(next.Depth, path.Count - next.Depth);
            var frame = Visit(next.Element, next.Depth > 0 ? path[^1] : default);
            if (frame.Price is { } price)
            {
                MarkEnclosingPrices(path);
                prices.Add(price);
            }
            path.Add(frame);
            var children = next.Element.ChildNodes;
            for (var i = children.Count - 1; i >= 0; i--)
                if (children[i] is MarkupElement child)
                    pending.Push((child, next.Depth + 1));
        }
        _innermostPrices.AddRange(prices.Where(p => !p.EnclosesPrice && !p.InStrikeOut).Select(p => p.Element));
    }

    private static void MarkEnclosingPrices(List<Frame> ancestors)
    {
        for (var i = ancestors.Count - 1; i >= 0; i--)
        {
            if (ancestors[i].Price is not { } enclosing)
                continue;
            // Marked already: so were all price elements above it, when it was marked.
            if (enclosing.EnclosesPrice)
                return;
            enclosing.EnclosesPrice = true;
        }
    }

    private Frame Visit(MarkupElement element, Frame parent)
    {
        var name = element.LocalName;
        var attributes = Attributes.Of(element);
        var inStrikeOut = parent.InStrikeOut || Is(name, "del") || Is(name, "s") || Is(name, "strike");
        var isPrice = attributes.ItemProp == "price" || Contains(attributes.Class, "price") || Contains(attributes.Id, "price") ||
                      attributes.HasDataPrice;
        var frame = new Frame(
            isPrice ? new PriceElement(element, inStrikeOut) : null,
            inStrikeOut,
            parent.InProductBlock || Contains(attributes.Class, "product") || Contains(attributes.Id, "product") ||
            Is(name, "main") || Is(name, "article"));
        CollectForReaders(element, name, attributes);
        CollectFirsts(element, name, attributes, parent.InProductBlock);
        return frame;
    }

    private void CollectForReaders(MarkupElement element, string name, Attributes attributes)
    {
        if (attributes.HasItemScope)
            _itemScopes.Add(element);
        if (Is(name, "script") && attributes.HasType)
            _scripts.Add(element);
        else if (Is(name, "meta") && attributes.HasContent)
            _metaWithContent.Add(element);
        else if (attributes.Href is not null && (Is(name, "a") || Is(name, "area") || Is(name, "link")))
            _hyperlinks.Add(element);
        else if (Is(name, "base") && attributes.Href is { } baseHref)
            BaseHref ??= baseHref;
    }

    private void CollectFirsts(MarkupElement element, string name, Attributes attributes, bool insideProductBlock)
    {
        if (Is(name, "h1"))
            FirstHeading ??= element;
        if (attributes.ItemProp == "priceCurrency")
            FirstPriceCurrency ??= element;
        if (attributes.ItemProp == "brand" || Contains(attributes.Class, "brand") || Contains(attributes.Id, "brand"))
            FirstBrand ??= element;
        if (Is(name, "meta") && attributes.Name == "brand")
            FirstBrandMeta ??= element;
        if (attributes.ItemProp == "sku" || Contains(attributes.Class, "sku") || Contains(attributes.Id, "sku"))
            FirstSku ??= element;
        if (attributes.ItemProp == "availability" || Contains(attributes.Class, "availability") ||
            Contains(attributes.Class, "stock") || Contains(attributes.Id, "availability"))
            FirstAvailability ??= element;
        if (Is(name, "link") && attributes.Rel == "image_src")
            FirstImageSourceLink ??= element;
        if (attributes.HasDataColour)
            FirstColour ??= element;
        if (Is(name, "img") && (insideProductBlock || attributes.ItemProp == "image"))
            FirstProductImage ??= element;
        for (var i = 0; i < SkuAttributeNames.Length; i++)
            if ((attributes.SkuAttributes & (1 << i)) != 0)
                _firstWithSkuAttribute[i] ??= element;
    }

    private static bool Is(string localName, string name) => localName.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string? value, string part) => value?.Contains(part, StringComparison.Ordinal) == true;

    /// <summary>What an element passes on to its descendants.</summary>
    private readonly record struct Frame(PriceElement? Price, bool InStrikeOut, bool InProductBlock);

    private sealed class PriceElement(MarkupElement element, bool inStrikeOut)
    {
        public MarkupElement Element { get; } = element;
        public bool InStrikeOut { get; } = inStrikeOut;
        public bool EnclosesPrice { get; set; }
    }

    /// <summary>The attributes the readers test, read in one pass over the element's attribute list.</summary>
    private struct Attributes
    {
        public string? Class, Id, ItemProp, Href, Rel, Name;
        public bool HasItemScope, HasType, HasContent, HasDataPrice, HasDataColour;
        public int SkuAttributes;

        public static Attributes Of(MarkupElement element)
        {
            var found = default(Attributes);
            foreach (var (name, value) in element.Attributes)
            {
                // The first occurrence wins, as with GetAttribute (the parsers drop duplicates anyway).
                switch (name)
                {
                    case "class": found.Class ??= value; break;
                    case "id": found.Id ??= value; break;
                    case "itemprop": found.ItemProp ??= value; break;
                    case "href": found.Href ??= value; break;
                    case "rel": found.Rel ??= value; break;
                    case "name": found.Name ??= value; break;
                    case "itemscope": found.HasItemScope = true; break;
                    case "type": found.HasType = true; break;
                    case "content": found.HasContent = true; break;
                    case "data-price": found.HasDataPrice = true; break;
                    case "data-colour" or "data-color": found.HasDataColour = true; break;
                    default:
                        var index = Array.IndexOf(SkuAttributeNames, name);
                        if (index >= 0)
                            found.SkuAttributes |= 1 << index;
                        break;
                }
            }
            return found;
        }
    }
}
