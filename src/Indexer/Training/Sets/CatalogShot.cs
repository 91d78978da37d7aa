using System.Text.Json;

namespace Pursearch.Indexer.Training.Sets;

/// <summary>One catalog product's studio shot and the class it shows (for a dupe, the class it imitates).</summary>
public sealed record CatalogShot(string ProductId, string ImagePath, string TrueClass)
{
    /// <summary>Reads a Forge <c>catalog.jsonl</c>; image paths are resolved against the catalog's folder.</summary>
    public static IReadOnlyList<CatalogShot> ReadCatalog(string catalogPath)
    {
        if (!File.Exists(catalogPath))
            throw new TrainingSetException($"catalog '{catalogPath}' does not exist");
        var folder = Path.GetDirectoryName(Path.GetFullPath(catalogPath))!;
        var shots = new List<CatalogShot>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(catalogPath))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                var product = document.RootElement;
                shots.Add(new CatalogShot(
                    product.GetProperty("productId").GetString()!,
                    Path.Combine(folder, product.GetProperty("image").GetString()!),
                    product.GetProperty("trueClass").GetString()!));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException
                                          or ArgumentNullException)
            {
                throw new TrainingSetException($"'{catalogPath}' line {lineNumber} is not a catalog product: {e.Message}", e);
            }
        }
        return shots;
    }
}
