using System.Text.Json;

namespace Pursearch.E2E.Harness;

/// <summary>Reads what a <c>pursearch</c> command printed, its progress and notice lines mixed in.</summary>
public static class CommandOutput
{
    /// <summary>The JSON object or array the command printed (pretty-printed: it opens and closes on lines of its own).</summary>
    public static JsonElement Json(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l is "{" or "[");
        var end = lines.FindLastIndex(l => l is "}" or "]");
        if (start < 0 || end <= start)
            throw new FormatException($"no JSON object or array in:\n{output}");
        return JsonDocument.Parse(string.Join('\n', lines.Skip(start).Take(end - start + 1))).RootElement.Clone();
    }

    /// <summary>The value after <paramref name="label"/> on the line that starts with it (<c>store info</c>'s layout).</summary>
    public static string Field(string output, string label) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(label + " ", StringComparison.Ordinal))?
            [label.Length..].Trim()
        ?? throw new FormatException($"no '{label}' line in:\n{output}");
}
