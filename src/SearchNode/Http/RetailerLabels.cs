using System.Text.Json;
using Pursearch.SearchNode.Hosting;

namespace Pursearch.SearchNode.Http;

/// <summary>Display names of retailers. The store keeps slugs only; a Forge world in the data dir names its shops in
/// forge.json, and any other retailer is shown by its slug.</summary>
public sealed class RetailerLabels(DataLayout layout)
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> _names = new(() => Read(Path.Combine(layout.ForgeDirectory, "forge.json")));

    public string Of(string slug) => _names.Value.TryGetValue(slug, out var name) ? name : slug;

    private static IReadOnlyDictionary<string, string> Read(string path)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return names;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.TryGetProperty("retailers", out var retailers) && retailers.ValueKind == JsonValueKind.Array)
                foreach (var retailer in retailers.EnumerateArray())
                    if (retailer.TryGetProperty("slug", out var slug) && retailer.TryGetProperty("name", out var name) &&
                        slug.GetString() is { } s && name.GetString() is { } n)
                        names[s] = n;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            // Labels are cosmetic: fall back to slugs.
        }
        return names;
    }
}
