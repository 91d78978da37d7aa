using System.Text.Json;
using Pursearch.Forge;
using Pursearch.Forge.World;
using Pursearch.Host.Cli;
using Pursearch.Indexer.Training;

namespace Pursearch.Host.Commands;

/// <summary>
/// The Forge sets train and eval use when not told otherwise: the default world in <c>{data}/forge</c>, and held-out-only
/// sets of other seeds in <c>{data}/cache/heldout/seed-{N}</c>. Each is generated when missing, incomplete (an
/// interrupted run) or of another Forge version; generation is deterministic, so an existing complete set is reused.
/// </summary>
public static class ForgeSets
{
    public static async Task<string> EnsureDefaultAsync(DataDirectory data, IProgress<TrainingProgress> progress,
        CancellationToken cancel)
    {
        await EnsureAsync(data.Forge, new ForgeOptions(), "forge", progress, cancel);
        return data.Forge;
    }

    /// <summary>A fresh held-out set (street photos and negatives only) of <paramref name="seed"/>'s world.</summary>
    public static async Task<string> EnsureHeldOutAsync(DataDirectory data, int seed, IProgress<TrainingProgress> progress,
        CancellationToken cancel)
    {
        var folder = Path.Combine(data.Cache, "heldout", $"seed-{seed}");
        await EnsureAsync(folder, ForgeOptions.HeldOutOnly(seed), $"forge seed {seed}", progress, cancel);
        return folder;
    }

    private static async Task EnsureAsync(string folder, ForgeOptions options, string label,
        IProgress<TrainingProgress> progress, CancellationToken cancel)
    {
        if (IsComplete(folder, options))
            return;
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        await ForgeGenerator.GenerateAsync(folder, options, StageProgressView.ForForge(progress, label), cancel);
    }

    // Complete = same Forge version and seed, and every image the manifest promises is on disk.
    private static bool IsComplete(string folder, ForgeOptions options)
    {
        var manifestPath = Path.Combine(folder, "forge.json");
        if (!File.Exists(manifestPath))
            return false;
        try
        {
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
            var root = manifest.RootElement;
            if (root.GetProperty("forgeVersion").GetString() != WorldDefinition.Version ||
                root.GetProperty("seed").GetInt32() != options.Seed)
                return false;
            var negatives = root.GetProperty("negatives");
            return Images(Path.Combine(folder, "products")) == root.GetProperty("products").GetInt32()
                && Images(Path.Combine(folder, "labelled", "train")) ==
                   root.GetProperty("trainStreet").GetInt32() + negatives.GetProperty("train").GetInt32()
                && Images(Path.Combine(folder, "labelled", "heldout")) ==
                   root.GetProperty("street").GetInt32() + negatives.GetProperty("heldout").GetInt32();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private static int Images(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.jpg", SearchOption.AllDirectories).Count() : 0;
}
