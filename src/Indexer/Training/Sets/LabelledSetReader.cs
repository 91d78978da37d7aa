using System.Text.Json;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Sets;

/// <summary>
/// Reads one split of a labelled set in ImageFolder layout: <c>{brand-slug}/{style-slug}/{id}.jpg</c> for photos of a
/// handbag and <c>_none/{id}.jpg</c> for photos without one, each optionally beside a Forge sidecar <c>{id}.json</c>
/// giving its bags and their boxes (normalised, top-left origin). Photos come back in ordinal path order.
/// </summary>
public static class LabelledSetReader
{
    private static readonly HashSet<string> ImageExtensions =
        new([".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp"], StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<LabelledPhoto> Read(string splitDirectory)
    {
        if (!Directory.Exists(splitDirectory))
            throw new TrainingSetException($"labelled set folder '{splitDirectory}' does not exist");
        var root = Path.GetFullPath(splitDirectory);
        var photos = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => ImageExtensions.Contains(Path.GetExtension(path)))
            .Order(StringComparer.Ordinal)
            .Select(path => ReadPhoto(root, path))
            .ToList();
        if (photos.Count == 0)
            throw new TrainingSetException($"labelled set folder '{splitDirectory}' holds no images");
        return photos;
    }

    private static LabelledPhoto ReadPhoto(string root, string imagePath)
    {
        var folders = Path.GetRelativePath(root, Path.GetDirectoryName(imagePath)!)
            .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var negative = folders is [HeadClass.NotHandbagSlug];
        if (!negative && folders.Length != 2)
            throw new TrainingSetException(
                $"'{imagePath}' is not in a {{brand}}/{{style}}/ or {HeadClass.NotHandbagSlug}/ folder of '{root}'");
        var slug = negative ? HeadClass.NotHandbagSlug : $"{folders[0]}/{folders[1]}";
        var sidecar = Path.ChangeExtension(imagePath, ".json");
        if (!File.Exists(sidecar))
            return negative
                ? new LabelledPhoto(imagePath, slug, "", "", [], Boxed: true)
                : new LabelledPhoto(imagePath, slug, folders[0], folders[1], [], Boxed: false);
        var bags = ReadBags(sidecar);
        if (negative && bags.Count > 0)
            throw new TrainingSetException($"'{sidecar}' lists bags but its photo is filed under {HeadClass.NotHandbagSlug}/");
        if (negative)
            return new LabelledPhoto(imagePath, slug, "", "", [], Boxed: true);
        var primary = bags.FirstOrDefault(b => b.Primary) ?? bags.FirstOrDefault()
            ?? throw new TrainingSetException($"'{sidecar}' lists no bags but its photo is filed under {slug}/");
        if (primary.ClassSlug != slug)
            throw new TrainingSetException($"'{sidecar}' says the primary bag is {primary.ClassSlug} but the photo is filed under {slug}/");
        return new LabelledPhoto(imagePath, slug, primary.Brand, primary.Style, bags, Boxed: true);
    }

    private static List<LabelledBag> ReadBags(string sidecar)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(sidecar));
            if (!document.RootElement.TryGetProperty("bags", out var bags) || bags.ValueKind != JsonValueKind.Array)
                throw new TrainingSetException($"'{sidecar}' has no \"bags\" array");
            return [.. bags.EnumerateArray().Select(bag => ReadBag(bag, sidecar))];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException
                                      or FormatException or ArgumentException)
        {
            throw new TrainingSetException($"'{sidecar}' is not a valid sidecar: {e.Message}", e);
        }
    }

    private static LabelledBag ReadBag(JsonElement bag, string sidecar)
    {
        var slug = bag.GetProperty("class").GetString();
        if (string.IsNullOrWhiteSpace(slug) || slug.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
            throw new TrainingSetException($"'{sidecar}' has a bag whose class '{slug}' is not brand-slug/style-slug");
        var box = bag.GetProperty("box");
        return new LabelledBag(slug,
            Text(bag, "brand") ?? slug.Split('/')[0],
            Text(bag, "style") ?? slug.Split('/')[1],
            new NormalizedBox(box.GetProperty("x").GetDouble(), box.GetProperty("y").GetDouble(),
                box.GetProperty("w").GetDouble(), box.GetProperty("h").GetDouble()),
            bag.TryGetProperty("primary", out var primary) && primary.GetBoolean());
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
