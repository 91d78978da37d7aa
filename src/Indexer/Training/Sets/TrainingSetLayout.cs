namespace Pursearch.Indexer.Training.Sets;

/// <summary>
/// Where the parts of a labelled set are. A Forge-style set has <c>labelled/train</c> (and usually
/// <c>labelled/heldout</c>, <c>catalog.jsonl</c> with product shots and <c>forge.json</c>); any other folder is taken to
/// be a training split in ImageFolder layout on its own.
/// </summary>
public sealed record TrainingSetLayout(string Root, string TrainDirectory, string? HeldOutDirectory, string? CatalogPath,
    string? ManifestPath)
{
    public const string ManifestFile = "forge.json";
    public const string CatalogFile = "catalog.jsonl";

    public static TrainingSetLayout Locate(string path)
    {
        var root = Path.GetFullPath(path);
        if (!Directory.Exists(root))
            throw new TrainingSetException($"no training set at '{path}': the folder does not exist");
        var train = Path.Combine(root, "labelled", "train");
        if (!Directory.Exists(train))
            return new TrainingSetLayout(root, root, null, null, null);
        var heldOut = Path.Combine(root, "labelled", "heldout");
        return new TrainingSetLayout(root, train, Directory.Exists(heldOut) ? heldOut : null,
            Existing(Path.Combine(root, CatalogFile)), Existing(Path.Combine(root, ManifestFile)));
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;
}
