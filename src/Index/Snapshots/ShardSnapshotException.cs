namespace Pursearch.Index.Snapshots;

/// <summary>A snapshot that cannot be opened: missing, of another shape, or corrupt.</summary>
public sealed class ShardSnapshotException(string directory, string message, Exception? inner = null)
    : Exception($"snapshot {directory}: {message}", inner)
{
    public string Directory { get; } = directory;
}
