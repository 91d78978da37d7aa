using System.Text.Json.Nodes;
using Pursearch.Indexer.Crawling.Extraction.Markup;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// Reads HTML microdata items (itemscope/itemtype/itemprop, nested items, itemref, <c>content</c> attributes,
/// meta/link/img/a values) into JSON-LD-shaped objects, so one schema.org reader serves both.
/// </summary>
public static class MicrodataReader
{
    private const int MaxDepth = 16;

    /// <summary>The top-level items: those not a property of another item, and those no item encloses.</summary>
    public static List<JsonNode> Read(HtmlPage page) =>
        page.Elements.ItemScopes
            .Where(e => !e.HasAttribute("itemprop") || !HasItemScopeAncestor(e))
            .Select(e => (JsonNode)ReadItem(e, page, page.BaseUri, 0))
            .ToList();

    private static bool HasItemScopeAncestor(MarkupElement element)
    {
        for (var ancestor = element.Parent; ancestor is not null; ancestor = ancestor.Parent)
            if (ancestor.HasAttribute("itemscope"))
                return true;
        return false;
    }

    private static JsonObject ReadItem(MarkupElement item, HtmlPage page, Uri baseUri, int depth)
    {
        var obj = new JsonObject();
        if (Tokens(item.GetAttribute("itemtype")) is { Length: > 0 } types)
            obj["@type"] = types.Length == 1 ? types[0] : new JsonArray(types.Select(t => (JsonNode?)t).ToArray());
        if (item.GetAttribute("itemid") is { Length: > 0 } id)
            obj["@id"] = id;
        foreach (var (name, value) in Properties(item, page, baseUri, depth))
            Add(obj, name, value);
        return obj;
    }

    private static IEnumerable<(string Name, JsonNode Value)> Properties(MarkupElement item, HtmlPage page, Uri baseUri, int depth)
    {
        var pending = new Queue<MarkupElement>(item.Children);
        foreach (var id in Tokens(item.GetAttribute("itemref")))
            if (page.ElementById(id) is { } referenced)
                pending.Enqueue(referenced);
        var seen = new HashSet<MarkupElement>();
        while (pending.TryDequeue(out var element))
        {
            if (!seen.Add(element))
                continue;
            var names = Tokens(element.GetAttribute("itemprop"));
            if (names.Length > 0 && ValueOf(element, page, baseUri, depth) is { } value)
                foreach (var name in names)
                    yield return (ShortName(name), value.DeepClone());
            if (!element.HasAttribute("itemscope"))
                foreach (var child in element.Children)
                    pending.Enqueue(child);
        }
    }

    private static JsonNode? ValueOf(MarkupElement element, HtmlPage page, Uri baseUri, int depth)
    {
        if (element.HasAttribute("itemscope"))
            return depth < MaxDepth ? ReadItem(element, page, baseUri, depth + 1) : null;
        if (element.GetAttribute("content") is { } content)
            return content.Trim();
        var text = element.LocalName switch
        {
            "audio" or "embed" or "iframe" or "img" or "source" or "track" or "video" => Url(element.GetAttribute("src"), baseUri),
            "a" or "area" or "link" => Url(element.GetAttribute("href"), baseUri),
            "object" => Url(element.GetAttribute("data"), baseUri),
            "data" or "meter" => element.GetAttribute("value"),
            "time" => element.GetAttribute("datetime") ?? element.TextContent,
            _ => element.TextContent,
        };
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static void Add(JsonObject obj, string name, JsonNode value)
    {
        switch (obj[name])
        {
            case null:
                obj[name] = value;
                break;
            case JsonArray values:
                values.Add(value);
                break;
            case var single:
                obj.Remove(name);
                obj[name] = new JsonArray(single.DeepClone(), value);
                break;
        }
    }

    private static string? Url(string? value, Uri baseUri) =>
        value is not null && Uri.TryCreate(baseUri, value.Trim(), out var url) ? url.AbsoluteUri : value;

    private static string ShortName(string name)
    {
        var cut = name.LastIndexOfAny(['/', '#']);
        return cut < 0 ? name : name[(cut + 1)..];
    }

    private static string[] Tokens(string? value) =>
        value?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];
}
