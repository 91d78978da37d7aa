using System.Text.RegularExpressions;
using Pursearch.SearchNode.Hosting;

namespace Pursearch.SearchNode.Imaging;

/// <summary>A few held-out Forge street photos from the data dir, for the page's "try an example photo"; never
/// photos used for training, and never anything shoppers uploaded.</summary>
public sealed partial class ExampleGallery(DataLayout layout)
{
    public const int Count = 8;
    private Lazy<IReadOnlyDictionary<string, string>> _files = new(() => Find(layout));

    /// <summary>Example names (file names) in a stable order.</summary>
    public IReadOnlyList<string> Names => [.. _files.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The file behind an example name, or null when there is no such example.</summary>
    public string? PathOf(string name) =>
        SafeName().IsMatch(name) && _files.Value.TryGetValue(name, out var path) ? path : null;

    /// <summary>Looks again, e.g. after the demo world was generated while the node ran.</summary>
    public void Refresh() => _files = new(() => Find(layout));

    // Spread over the classes: the photos sorted by class folder, then every n-th.
    private static IReadOnlyDictionary<string, string> Find(DataLayout layout)
    {
        if (!Directory.Exists(layout.HeldOutDirectory))
            return new Dictionary<string, string>();
        var photos = Directory.EnumerateFiles(layout.HeldOutDirectory, "*.jpg", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}_none{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var step = Math.Max(1, photos.Count / Count);
        return photos.Where((_, i) => i % step == 0).Take(Count)
            .Where(path => SafeName().IsMatch(Path.GetFileName(path)))
            .DistinctBy(path => Path.GetFileName(path))
            .ToDictionary(path => Path.GetFileName(path), path => path, StringComparer.Ordinal);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,80}\\.jpg$")]
    private static partial Regex SafeName();
}
