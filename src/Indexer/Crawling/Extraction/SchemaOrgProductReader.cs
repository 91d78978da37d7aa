using System.Text.Json;
using System.Text.Json.Nodes;
using Pursearch.Core.Catalog;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// Finds schema.org products in JSON-LD-shaped trees (JSON-LD blocks, and microdata items converted to the same shape):
/// through arrays, <c>@graph</c> and nesting, <c>ProductGroup</c> variants, <c>@id</c> references; <c>offers</c> as an
/// object, a list or an <c>AggregateOffer</c>; <c>image</c> as a string, list or <c>ImageObject</c>; <c>brand</c> as a
/// string or a Brand/Organization.
/// </summary>
public sealed class SchemaOrgProductReader
{
    private const int MaxDepth = 32;

    private static readonly HashSet<string> ProductTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Product", "IndividualProduct", "ProductModel", "SomeProducts",
    };

    private readonly IReadOnlyList<JsonNode> _roots;
    private readonly Uri _baseUri;
    private readonly ProductMarkup _markup;

    // Built on the first @id reference met: most pages have none, and indexing walks (and materialises) every node.
    private Dictionary<string, JsonObject>? _byId;

    public SchemaOrgProductReader(IReadOnlyList<JsonNode> roots, Uri baseUri, ProductMarkup markup)
    {
        _roots = roots;
        _baseUri = baseUri;
        _markup = markup;
    }

    public List<ProductCandidate> Read()
    {
        var found = new List<ProductCandidate>();
        foreach (var root in _roots)
            Collect(root, 0, found);
        return found;
    }

    private Dictionary<string, JsonObject> NodesById()
    {
        if (_byId is null)
        {
            _byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var root in _roots)
                IndexIds(root, 0);
        }
        return _byId;
    }

    private void IndexIds(JsonNode? node, int depth)
    {
        if (depth > MaxDepth)
            return;
        if (node is JsonArray array)
            foreach (var item in array)
                IndexIds(item, depth + 1);
        if (node is not JsonObject obj)
            return;
        if (obj.Count > 1 && Text(obj["@id"]) is { } id)
            _byId!.TryAdd(id, obj);
        foreach (var (_, value) in obj)
            IndexIds(value, depth + 1);
    }

    private void Collect(JsonNode? node, int depth, List<ProductCandidate> found)
    {
        if (depth > MaxDepth)
            return;
        if (node is JsonArray array)
        {
            foreach (var item in array)
                Collect(item, depth + 1, found);
            return;
        }
        if (node is not JsonObject obj)
            return;
        var types = TypesOf(obj);
        if (types.Contains("ProductGroup", StringComparer.OrdinalIgnoreCase))
            found.AddRange(ReadGroup(obj));
        else if (types.Any(ProductTypes.Contains))
            found.Add(ReadProduct(obj));
        else
            foreach (var (_, value) in obj)
                Collect(value, depth + 1, found);
    }

    private IEnumerable<ProductCandidate> ReadGroup(JsonObject group)
    {
        var shared = ReadProduct(group);
        shared.FamilyId ??= Text(group["productGroupID"]);
        var variants = Items(group["hasVariant"]).Select(Deref).OfType<JsonObject>()
            .Where(v => TypesOf(v).Any(ProductTypes.Contains))
            .ToList();
        if (variants.Count == 0)
            return [shared];
        return variants.Select(variant =>
        {
            var candidate = ReadProduct(variant);
            candidate.FillFrom(shared);
            return candidate;
        });
    }

    private ProductCandidate ReadProduct(JsonObject product)
    {
        var candidate = new ProductCandidate(_markup)
        {
            Name = Text(product["name"]),
            Sku = FirstText(product, "sku", "productID", "mpn", "gtin13", "gtin", "gtin14", "gtin12", "gtin8"),
            Mpn = Text(product["mpn"]),
            Gtin = FirstText(product, "gtin13", "gtin", "gtin14", "gtin12", "gtin8"),
            Brand = NameOf(Deref(product["brand"])) ?? NameOf(Deref(product["manufacturer"])),
            Url = Resolve(Text(product["url"])),
            Colour = Text(product["color"]),
            Style = NameOf(Deref(product["model"])) ?? CategoryLeaf(Text(product["category"])),
            FamilyId = Text(product["inProductGroupWithID"]),
        };
        candidate.Images.AddRange(ImagesOf(product["image"]));
        if (candidate.Images.Count == 0)
            candidate.Images.AddRange(ImagesOf(product["thumbnailUrl"]));
        ApplyOffers(candidate, product["offers"]);
        return candidate;
    }

    private void ApplyOffers(ProductCandidate candidate, JsonNode? offers)
    {
        var quotes = new List<Quote>();
        CollectQuotes(offers, quotes, 0);
        var priced = quotes.Where(q => q.Price is not null).ToList();
        var purchasable = priced.Where(q => AvailabilityParser.Parse(q.Availability) is not { } state || state.IsPurchasable()).ToList();
        var best = (purchasable.Count > 0 ? purchasable : priced)
            .OrderBy(q => PriceParser.TryParseAmount(q.Price!, q.Currency, PriceNotation.Structured, out var amount) ? amount : decimal.MaxValue)
            .FirstOrDefault();
        candidate.Price = best?.Price;
        candidate.PriceCurrency = best?.Currency ?? quotes.Select(q => q.Currency).FirstOrDefault(c => c is not null);
        candidate.Availability = best?.Availability ?? quotes.Select(q => q.Availability).FirstOrDefault(a => a is not null);
        candidate.Url ??= quotes.Select(q => q.Url).FirstOrDefault(u => u is not null);
    }

    private void CollectQuotes(JsonNode? node, List<Quote> quotes, int depth)
    {
        if (depth > 4)
            return;
        foreach (var item in Items(node).Select(Deref).OfType<JsonObject>())
        {
            var specification = Items(Deref(item["priceSpecification"])).Select(Deref).OfType<JsonObject>()
                .FirstOrDefault(s => Text(s["price"]) is not null);
            var isAggregate = TypesOf(item).Contains("AggregateOffer", StringComparer.OrdinalIgnoreCase);
            var price = (isAggregate ? Text(item["lowPrice"]) : null) ?? Text(item["price"]) ??
                        Text(specification?["price"]) ?? Text(item["lowPrice"]);
            quotes.Add(new Quote(price, Text(item["priceCurrency"]) ?? Text(specification?["priceCurrency"]),
                Text(item["availability"]), Resolve(Text(item["url"]))));
            if (item["offers"] is { } nested)
                CollectQuotes(nested, quotes, depth + 1);
        }
    }

    private IEnumerable<Uri> ImagesOf(JsonNode? node)
    {
        foreach (var item in Items(node).Select(Deref))
        {
            var text = item is JsonObject image
                ? Text(image["contentUrl"]) ?? Text(image["url"]) ?? Text(image["@id"])
                : Text(item);
            if (Resolve(text) is { } url)
                yield return url;
        }
    }

    private JsonNode? Deref(JsonNode? node) =>
        node is JsonObject { Count: 1 } reference && Text(reference["@id"]) is { } id && NodesById().TryGetValue(id, out var target)
            ? target
            : node;

    private Uri? Resolve(string? text) =>
        !string.IsNullOrWhiteSpace(text) && Uri.TryCreate(_baseUri, text.Trim(), out var url) ? url : null;

    private static string? NameOf(JsonNode? node) => node is JsonObject obj ? Text(obj["name"]) : Text(node);

    private static IEnumerable<JsonNode?> Items(JsonNode? node) =>
        node switch
        {
            null => Array.Empty<JsonNode?>(),
            JsonArray array => array,
            _ => new[] { node },
        };

    private static string[] TypesOf(JsonObject obj) =>
        Items(obj["@type"]).Select(Text).OfType<string>().Select(ShortType).ToArray();

    private static string ShortType(string type)
    {
        var cut = type.LastIndexOfAny(['/', ':', '#']);
        return cut < 0 ? type : type[(cut + 1)..];
    }

    private static string? FirstText(JsonObject obj, params string[] names) =>
        names.Select(name => Text(obj[name])).FirstOrDefault(text => text is not null);

    /// <summary>The text of a value: a string or number as written, an object's name or @value, a list's first.</summary>
    public static string? Text(JsonNode? node)
    {
        var text = node switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                => value.ToJsonString(),
            JsonObject obj => Text(obj["@value"]) ?? Text(obj["name"]),
            JsonArray array => array.Select(Text).FirstOrDefault(t => t is not null),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string? CategoryLeaf(string? category)
    {
        if (category is null)
            return null;
        var leaf = category.Split(['>', '/', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault();
        return string.IsNullOrEmpty(leaf) || leaf.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : leaf;
    }

    private sealed record Quote(string? Price, string? Currency, string? Availability, Uri? Url);
}
