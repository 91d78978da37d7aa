using System.Text.Json;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// Reads the JSON-LD blocks of a page leniently: comments, trailing commas, CDATA/comment wrappers and raw line
/// breaks inside strings are tolerated; a block that still does not parse is counted and skipped.
/// </summary>
public static class JsonLdBlocks
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        // A duplicate key fails the block when it is parsed, not mid-extraction when a lazy JsonObject is first read.
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static LinkedDataTrees Read(HtmlPage page)
    {
        var documents = new List<JsonDocument>();
        var malformed = 0;
        foreach (var script in page.Elements.Scripts)
        {
            if (!IsJsonLd(script.GetAttribute("type")!))
                continue;
            if (TryParse(script.TextContent) is { } document)
                documents.Add(document);
            else
                malformed++;
        }
        return new LinkedDataTrees(documents, malformed);
    }

    /// <summary>Whether a script's type, parameters aside, is JSON-LD.</summary>
    private static bool IsJsonLd(string type)
    {
        var semicolon = type.IndexOf(';');
        var mediaType = (semicolon < 0 ? type.AsSpan() : type.AsSpan(0, semicolon)).Trim();
        return mediaType.Equals("application/ld+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The block's document, or null when it is empty or does not parse even after repair; the caller disposes it.</summary>
    public static JsonDocument? TryParse(string text)
    {
        var unwrapped = Unwrap(text);
        if (unwrapped.Length == 0)
            return null;
        return Parse(unwrapped) ?? Parse(WithoutControlCharacters(unwrapped));
    }

    private static JsonDocument? Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Unwrap(string text)
    {
        var trimmed = text.Trim();
        foreach (var prefix in new[] { "//<![CDATA[", "<![CDATA[", "<!--" })
            if (trimmed.StartsWith(prefix, StringComparison.Ordinal))
                trimmed = trimmed[prefix.Length..].TrimStart();
        foreach (var suffix in new[] { "//]]>", "]]>", "-->" })
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal))
                trimmed = trimmed[..^suffix.Length].TrimEnd();
        return trimmed;
    }

    private static string WithoutControlCharacters(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        });
}
