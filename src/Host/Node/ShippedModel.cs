using System.Text.Json;
using Pursearch.Indexer.Training;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Heads;

namespace Pursearch.Host.Node;

/// <summary>
/// The heads shipped with Pursearch (<c>models/forge-demo</c>, copied next to the executable): what
/// <c>pursearch train</c> made from the default Forge world, with its held-out metrics (see <c>models/README.md</c>).
/// <c>up --demo</c> registers them instead of training for many minutes when the world it serves has the same Forge
/// version and seed, so the same 18 classes.
/// </summary>
public static class ShippedModel
{
    public const string MetricsFile = "metrics.json";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "models", "forge-demo");

    /// <summary>True when the shipped heads were trained on a world of this Forge version and seed.</summary>
    public static bool Fits(string forgeFolder)
    {
        if (!File.Exists(Path.Combine(Folder, HeadSetFiles.ManifestName)))
            return false;
        var shipped = TrainingManifest.Load(Folder);
        var world = SetManifest.Read(Path.Combine(forgeFolder, TrainingSetLayout.ManifestFile));
        return world is not null && world.ForgeVersion == shipped.ForgeVersion && world.Seed == shipped.Seed;
    }

    /// <summary>Registers the shipped heads as the next model version of this data dir (promoted as any other).</summary>
    public static Task<PublishedModel> PublishAsync(string dataDirectory, IStore store, CancellationToken cancel)
    {
        var heads = HeadSetFiles.Load(Folder);
        // Set paths are kept relative to the data dir they were trained in: {data}/forge, where up --demo puts the world.
        var shipped = TrainingManifest.Load(Folder);
        var manifest = shipped with
        {
            TrainDirectory = Path.Combine(dataDirectory, shipped.TrainDirectory),
            HeldOutDirectory = shipped.HeldOutDirectory is { } heldOut ? Path.Combine(dataDirectory, heldOut) : null,
            CatalogPath = shipped.CatalogPath is { } catalog ? Path.Combine(dataDirectory, catalog) : null,
        };
        var metrics = JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(Path.Combine(Folder, MetricsFile)))
            ?? throw new InvalidDataException($"{MetricsFile} of the shipped model is empty");
        return new ModelPublisher(store, dataDirectory).PublishAsync(new TrainedHeads(heads, metrics, manifest),
            VisionSpaces.ResNet18Squash224, metrics, DateTimeOffset.UtcNow, cancel);
    }
}
