namespace Pursearch.Index.Snapshots;

/// <summary>The files of a snapshot directory, written into a staging directory and swapped in whole.</summary>
internal static class SnapshotDirectory
{
    public const string GraphFile = "graph.usearch";
    public const string ColumnsFile = "columns.bin";

    /// <summary>Writes a complete snapshot beside <paramref name="directory"/> and then renames it into place.</summary>
    public static void Replace(string directory, Action<string> writeInto)
    {
        var target = Path.GetFullPath(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var staging = $"{target}.staging-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            writeInto(staging);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        // A shard viewing the old files keeps its mapping: on Linux the pages stay until it unmaps them.
        var retired = $"{target}.retired-{Guid.NewGuid():N}";
        Directory.Move(target, retired);
        Directory.Move(staging, target);
        Directory.Delete(retired, recursive: true);
    }
}
