using System.Text.Json;

namespace Pursearch.Indexer.Training.Sets;

/// <summary>What a set's <c>forge.json</c> says about where it came from: the Forge version, the world seed and, for a
/// generated world, its product count.</summary>
public sealed record SetManifest(string ForgeVersion, int Seed, int? Products = null)
{
    /// <summary>Reads <paramref name="path"/>; null when there is no manifest.</summary>
    public static SetManifest? Read(string? path)
    {
        if (path is null || !File.Exists(path))
            return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            return new SetManifest(root.GetProperty("forgeVersion").GetString() ?? "", root.GetProperty("seed").GetInt32(),
                root.TryGetProperty("products", out var products) ? products.GetInt32() : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new TrainingSetException($"'{path}' is not a valid Forge manifest: {e.Message}", e);
        }
    }
}
