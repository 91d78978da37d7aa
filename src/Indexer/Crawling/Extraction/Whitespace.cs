namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>Whitespace in text read from markup: runs of it are one space, and none leads or trails.</summary>
public static class Whitespace
{
    /// <summary>The text with whitespace collapsed; null when nothing else is left. Text already so is returned as is.</summary>
    public static string? Collapse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return IsCollapsed(text)
            ? text
            : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsCollapsed(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            return false;
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c == ' ' ? text[i + 1] == ' ' : char.IsWhiteSpace(c))
                return false;
        }
        return true;
    }
}
