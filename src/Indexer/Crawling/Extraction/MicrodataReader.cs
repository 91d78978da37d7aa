using System.Buffers;
using System.Text.Json;
using Pursearch.Indexer.Crawling.Extraction.Markup;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// Reads HTML microdata items (itemscope/itemtype/itemprop, nested items, itemref, <c>content</c> attributes,
/// meta/link/img/a values) into JSON-LD-shaped objects, so one schema.org reader serves both. A property given more
/// than once becomes a list, in document order.
/// </summary>
public static class MicrodataReader
{
    private const int MaxDepth = 16;

    // A product page's items write about 1 KB; starting there saves the buffer's doubling copies.
    private const int InitialJsonBytes = 1024;

    // The writer is fed names and values only through the methods below, which keep the JSON well-formed.
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    /// <summary>The top-level items, as one JSON array: those not a property of another item, and those no item encloses.</summary>
    public static LinkedDataTrees Read(HtmlPage page)
    {
        var items = page.Elements.ItemScopes.Where(e => !e.HasAttribute("itemprop") || !HasItemScopeAncestor(e)).ToList();
        if (items.Count == 0)
            return LinkedDataTrees.None;
        var json = new ArrayBufferWriter<byte>(InitialJsonBytes);
        using (var writer = new Utf8JsonWriter(json, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var item in items)
                WriteItem(writer, item, page, 0);
            writer.WriteEndArray();
        }
        return new LinkedDataTrees([JsonDocument.Parse(json.WrittenMemory)], 0);
    }

    private static bool HasItemScopeAncestor(MarkupElement element)
    {
        for (var ancestor = element.Parent; ancestor is not null; ancestor = ancestor.Parent)
            if (ancestor.HasAttribute("itemscope"))
                return true;
        return false;
    }

    private static void WriteItem(Utf8JsonWriter writer, MarkupElement item, HtmlPage page, int depth)
    {
        writer.WriteStartObject();
        foreach (var (name, values) in Properties(item, page, depth))
        {
            writer.WritePropertyName(name);
            if (values.Count == 1)
            {
                WriteValue(writer, values[0], page, depth);
                continue;
            }
            writer.WriteStartArray();
            foreach (var value in values)
                WriteValue(writer, value, page, depth);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, ItemValue value, HtmlPage page, int depth)
    {
        if (value.Item is { } item)
            WriteItem(writer, item, page, depth + 1);
        else
            writer.WriteStringValue(value.Text);
    }

    /// <summary>The item's properties by name, in order of first appearance: its type and id first, then its itemprops.</summary>
    private static List<(string Name, List<ItemValue> Values)> Properties(MarkupElement item, HtmlPage page, int depth)
    {
        var properties = new List<(string Name, List<ItemValue> Values)>();
        foreach (var type in Tokens(item.GetAttribute("itemtype")))
            Add(properties, "@type", new ItemValue(type, null));
        if (item.GetAttribute("itemid") is { Length: > 0 } id)
            Add(properties, "@id", new ItemValue(id, null));
        var pending = new Queue<MarkupElement>(item.Children);
        var references = Tokens(item.GetAttribute("itemref"));
        foreach (var referenceId in references)
            if (page.ElementById(referenceId) is { } referenced)
                pending.Enqueue(referenced);
        // Only a referenced element can be reached twice (the tree alone never repeats one).
        var seen = references.Length > 0 ? new HashSet<MarkupElement>() : null;
        while (pending.TryDequeue(out var element))
        {
            if (seen is not null && !seen.Add(element))
                continue;
            var names = Tokens(element.GetAttribute("itemprop"));
            if (names.Length > 0 && ValueOf(element, page.BaseUri, depth) is { } value)
                foreach (var name in names)
                    Add(properties, ShortName(name), value);
            if (!element.HasAttribute("itemscope"))
                foreach (var child in element.Children)
                    pending.Enqueue(child);
        }
        return properties;
    }

    private static void Add(List<(string Name, List<ItemValue> Values)> properties, string name, ItemValue value)
    {
        foreach (var (known, values) in properties)
        {
            if (known != name)
                continue;
            values.Add(value);
            return;
        }
        properties.Add((name, [value]));
    }

    private static ItemValue? ValueOf(MarkupElement element, Uri baseUri, int depth)
    {
        if (element.HasAttribute("itemscope"))
            return depth < MaxDepth ? new ItemValue(null, element) : null;
        if (element.GetAttribute("content") is { } content)
            return new ItemValue(content.Trim(), null);
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
        return string.IsNullOrEmpty(trimmed) ? null : new ItemValue(trimmed, null);
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

    /// <summary>A property value: text, or a nested item written when its parent is.</summary>
    private readonly record struct ItemValue(string? Text, MarkupElement? Item);
}
