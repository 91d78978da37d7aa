using System.Text.Json;
using Pursearch.Core.Catalog;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// Finds schema.org products in JSON-LD-shaped trees (JSON-LD blocks, and microdata items converted to the same shape):
/// through arrays, <c>@graph</c> and nesting, <c>ProductGroup</c> variants, <c>@id</c> references; <c>offers</c> as an
/// object, a list or an <c>AggregateOffer</c>; <c>image</c> as a string, list or <c>ImageObject</c>; <c>brand</c> as a
/// string or a Brand/Organization. The trees are read in place: a missing property is an undefined element.
/// </summary>
public sealed class SchemaOrgProductReader
{
    private const int MaxDepth = 32;

    private static readonly HashSet<string> ProductTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Product", "IndividualProduct", "ProductModel", "SomeProducts",
    };

    private static readonly HashSet<string> GroupTypes = new(StringComparer.OrdinalIgnoreCase) { "ProductGroup" };

    private static readonly HashSet<string> AggregateOfferTypes = new(StringComparer.OrdinalIgnoreCase) { "AggregateOffer" };

    private readonly LinkedDataTrees _trees;
    private readonly Uri _baseUri;
    private readonly ProductMarkup _markup;

    // Built on the first @id reference met: most pages have none, and indexing walks every node.
    private Dictionary<string, JsonElement>? _byId;

    public SchemaOrgProductReader(LinkedDataTrees trees, Uri baseUri, ProductMarkup markup)
    {
        _trees = trees;
        _baseUri = baseUri;
        _markup = markup;
    }

    public List<ProductCandidate> Read()
    {
        var found = new List<ProductCandidate>();
        foreach (var root in _trees.Roots)
            Collect(root, 0, found);
        return found;
    }

    private Dictionary<string, JsonElement> NodesById()
    {
        if (_byId is null)
        {
            _byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var root in _trees.Roots)
                IndexIds(root, 0);
        }
        return _byId;
    }

    private void IndexIds(JsonElement node, int depth)
    {
        if (depth > MaxDepth)
            return;
        if (node.ValueKind == JsonValueKind.Array)
            foreach (var item in node.EnumerateArray())
                IndexIds(item, depth + 1);
        if (node.ValueKind != JsonValueKind.Object)
            return;
        if (node.GetPropertyCount() > 1 && Text(Property(node, "@id"u8)) is { } id)
            _byId!.TryAdd(id, node);
        foreach (var property in node.EnumerateObject())
            IndexIds(property.Value, depth + 1);
    }

    private void Collect(JsonElement node, int depth, List<ProductCandidate> found)
    {
        if (depth > MaxDepth)
            return;
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
                Collect(item, depth + 1, found);
            return;
        }
        if (node.ValueKind != JsonValueKind.Object)
            return;
        if (HasType(node, GroupTypes))
            ReadGroup(node, found);
        else if (HasType(node, ProductTypes))
            found.Add(ReadProduct(node));
        else
            foreach (var property in node.EnumerateObject())
                Collect(property.Value, depth + 1, found);
    }

    private void ReadGroup(JsonElement group, List<ProductCandidate> found)
    {
        var shared = ReadProduct(group);
        shared.FamilyId ??= Text(Property(group, "productGroupID"u8));
        var before = found.Count;
        foreach (var item in Items(Property(group, "hasVariant"u8)))
        {
            var variant = Deref(item);
            if (variant.ValueKind != JsonValueKind.Object || !HasType(variant, ProductTypes))
                continue;
            var candidate = ReadProduct(variant);
            candidate.FillFrom(shared);
            found.Add(candidate);
        }
        if (found.Count == before)
            found.Add(shared);
    }

    private ProductCandidate ReadProduct(JsonElement product)
    {
        var mpn = Text(Property(product, "mpn"u8));
        var gtin = Gtin(product);
        var candidate = new ProductCandidate(_markup)
        {
            Name = Text(Property(product, "name"u8)),
            Sku = Text(Property(product, "sku"u8)) ?? Text(Property(product, "productID"u8)) ?? mpn ?? gtin,
            Mpn = mpn,
            Gtin = gtin,
            Brand = NameOf(Deref(Property(product, "brand"u8))) ?? NameOf(Deref(Property(product, "manufacturer"u8))),
            Url = Resolve(Text(Property(product, "url"u8))),
            Colour = Text(Property(product, "color"u8)),
            Style = NameOf(Deref(Property(product, "model"u8))) ?? CategoryLeaf(Text(Property(product, "category"u8))),
            FamilyId = Text(Property(product, "inProductGroupWithID"u8)),
        };
        AddImages(candidate.Images, Property(product, "image"u8));
        if (candidate.Images.Count == 0)
            AddImages(candidate.Images, Property(product, "thumbnailUrl"u8));
        ApplyOffers(candidate, Property(product, "offers"u8));
        return candidate;
    }

    /// <summary>
    /// Price, currency and availability of the cheapest purchasable priced offer (else of the cheapest priced one);
    /// without a priced offer, the first currency and availability any offer gives. The URL, when the product has none,
    /// is the first any offer gives.
    /// </summary>
    private void ApplyOffers(ProductCandidate candidate, JsonElement offers)
    {
        var quotes = new List<Quote>();
        CollectQuotes(offers, quotes, 0);
        var best = Cheapest(quotes, purchasableOnly: true) ?? Cheapest(quotes, purchasableOnly: false);
        candidate.Price = best?.Price;
        candidate.PriceCurrency = best?.Currency ?? quotes.Find(q => q.Currency is not null)?.Currency;
        candidate.Availability = best?.Availability ?? quotes.Find(q => q.Availability is not null)?.Availability;
        candidate.Url ??= quotes.Find(q => q.Url is not null)?.Url;
    }

    /// <summary>The first of the priced quotes with the lowest amount (an unreadable amount ranks last).</summary>
    private static Quote? Cheapest(List<Quote> quotes, bool purchasableOnly)
    {
        Quote? best = null;
        var lowest = decimal.MaxValue;
        foreach (var quote in quotes)
        {
            if (quote.Price is null || purchasableOnly && AvailabilityParser.Parse(quote.Availability) is { } state && !state.IsPurchasable())
                continue;
            var amount = PriceParser.TryParseAmount(quote.Price, quote.Currency, PriceNotation.Structured, out var parsed)
                ? parsed
                : decimal.MaxValue;
            if (best is null || amount < lowest)
                (best, lowest) = (quote, amount);
        }
        return best;
    }

    private void CollectQuotes(JsonElement node, List<Quote> quotes, int depth)
    {
        if (depth > 4)
            return;
        foreach (var reference in Items(node))
        {
            var item = Deref(reference);
            if (item.ValueKind != JsonValueKind.Object)
                continue;
            var specification = PricedSpecification(Property(item, "priceSpecification"u8));
            var isAggregate = HasType(item, AggregateOfferTypes);
            var price = (isAggregate ? Text(Property(item, "lowPrice"u8)) : null) ?? Text(Property(item, "price"u8)) ??
                        Text(Property(specification, "price"u8)) ?? Text(Property(item, "lowPrice"u8));
            quotes.Add(new Quote(price,
                Text(Property(item, "priceCurrency"u8)) ?? Text(Property(specification, "priceCurrency"u8)),
                Text(Property(item, "availability"u8)), Resolve(Text(Property(item, "url"u8)))));
            if (Property(item, "offers"u8) is { ValueKind: not JsonValueKind.Undefined } nested)
                CollectQuotes(nested, quotes, depth + 1);
        }
    }

    /// <summary>The first price specification that has a price, or undefined.</summary>
    private JsonElement PricedSpecification(JsonElement specifications)
    {
        foreach (var reference in Items(Deref(specifications)))
        {
            var specification = Deref(reference);
            if (specification.ValueKind == JsonValueKind.Object && Text(Property(specification, "price"u8)) is not null)
                return specification;
        }
        return default;
    }

    private void AddImages(List<Uri> images, JsonElement node)
    {
        foreach (var reference in Items(node))
        {
            var item = Deref(reference);
            var text = item.ValueKind == JsonValueKind.Object
                ? Text(Property(item, "contentUrl"u8)) ?? Text(Property(item, "url"u8)) ?? Text(Property(item, "@id"u8))
                : Text(item);
            if (Resolve(text) is { } url)
                images.Add(url);
        }
    }

    /// <summary>The node an <c>{"@id": …}</c> reference points to; any other node itself.</summary>
    private JsonElement Deref(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.GetPropertyCount() == 1 && Text(Property(node, "@id"u8)) is { } id &&
        NodesById().TryGetValue(id, out var target)
            ? target
            : node;

    private Uri? Resolve(string? text) =>
        !string.IsNullOrWhiteSpace(text) && Uri.TryCreate(_baseUri, text.Trim(), out var url) ? url : null;

    /// <summary>The property's value; undefined when the node is not an object or has no such property. The name is
    /// UTF-8, as the document stores it: a string name would be transcoded on every lookup.</summary>
    private static JsonElement Property(JsonElement node, ReadOnlySpan<byte> name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) ? value : default;

    private static string? NameOf(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object ? Text(Property(node, "name"u8)) : Text(node);

    private static ItemsOf Items(JsonElement node) => new(node);

    /// <summary>Whether one of the node's <c>@type</c>s, without its vocabulary prefix, is in <paramref name="types"/>.</summary>
    private static bool HasType(JsonElement node, HashSet<string> types)
    {
        var lookup = types.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var item in Items(Property(node, "@type"u8)))
            if (Text(item) is { } type && lookup.Contains(ShortType(type)))
                return true;
        return false;
    }

    private static ReadOnlySpan<char> ShortType(string type)
    {
        var cut = type.LastIndexOfAny(['/', ':', '#']);
        return type.AsSpan(cut + 1);
    }

    private static string? Gtin(JsonElement product) =>
        Text(Property(product, "gtin13"u8)) ?? Text(Property(product, "gtin"u8)) ?? Text(Property(product, "gtin14"u8)) ??
        Text(Property(product, "gtin12"u8)) ?? Text(Property(product, "gtin8"u8));

    /// <summary>The text of a value: a string or number as written, an object's @value or name, a list's first.</summary>
    private static string? Text(JsonElement node)
    {
        var text = node.ValueKind switch
        {
            JsonValueKind.String => node.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => node.GetRawText(),
            JsonValueKind.Object => Text(Property(node, "@value"u8)) ?? Text(Property(node, "name"u8)),
            JsonValueKind.Array => FirstItemText(node),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string? FirstItemText(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
            if (Text(item) is { } text)
                return text;
        return null;
    }

    private static string? CategoryLeaf(string? category)
    {
        if (category is null)
            return null;
        var leaf = category.Split(['>', '/', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault();
        return string.IsNullOrEmpty(leaf) || leaf.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : leaf;
    }

    /// <summary>A list's items, or a single value as a list of one; nothing for null or undefined. A struct: it is
    /// enumerated for every node the reader visits.</summary>
    private readonly struct ItemsOf(JsonElement node)
    {
        public Enumerator GetEnumerator() => new(node);

        public struct Enumerator(JsonElement node)
        {
            private JsonElement.ArrayEnumerator _items = node.ValueKind == JsonValueKind.Array ? node.EnumerateArray() : default;
            private bool _pending = node.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined or JsonValueKind.Null);

            public JsonElement Current { get; private set; }

            public bool MoveNext()
            {
                if (node.ValueKind == JsonValueKind.Array)
                {
                    var more = _items.MoveNext();
                    Current = more ? _items.Current : default;
                    return more;
                }
                Current = node;
                var single = _pending;
                _pending = false;
                return single;
            }
        }
    }

    private sealed record Quote(string? Price, string? Currency, string? Availability, Uri? Url);
}
