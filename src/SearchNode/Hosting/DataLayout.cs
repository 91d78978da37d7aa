namespace Pursearch.SearchNode.Hosting;

/// <summary>Where a node keeps its files under the data dir: shard snapshots, the admin token, the discovery file,
/// the demo's Forge world and thumbnails.</summary>
public sealed class DataLayout
{
    public DataLayout(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Root = Path.GetFullPath(dataDirectory);
    }

    public string Root { get; }
    public string IndexDirectory => Path.Combine(Root, "index");
    public string AdminTokenFile => Path.Combine(Root, "admin.token");
    public string NodeFile => Path.Combine(Root, "node.json");
    /// <summary>The demo's generated Forge world (catalog, product shots, labelled street photos).</summary>
    public string ForgeDirectory => Path.Combine(Root, "forge");
    public string HeldOutDirectory => Path.Combine(ForgeDirectory, "labelled", "heldout");
    public string ThumbnailDirectory => Path.Combine(Root, "thumbnails");

    /// <summary>The snapshot directory of one shard: <c>{data}/index/{generation}/{shard}</c>.</summary>
    public string SnapshotOf(string generation, int shard) =>
        Path.Combine(IndexDirectory, generation, shard.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Resolves a path the store records relative to the data dir (e.g. a model's weights).</summary>
    public string Resolve(string relativeOrAbsolute) => Path.GetFullPath(Path.Combine(Root, relativeOrAbsolute));
}
