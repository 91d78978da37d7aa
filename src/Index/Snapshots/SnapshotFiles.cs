using Pursearch.Core.Money;
using Pursearch.Index.Columns;
using Pursearch.Index.Native;

namespace Pursearch.Index.Snapshots;

/// <summary>
/// Writes and reads the three files of a shard snapshot (manifest, graph, columns) and checks that they
/// belong together: the columns' checksum, the graph's vector count, dimensions and base currency.
/// </summary>
internal static class SnapshotFiles
{
    public static SnapshotManifest Write(string directory, HnswIndex graph, ShardColumns columns, long sequence,
        Currency baseCurrency)
    {
        var graphPath = Path.Combine(directory, SnapshotDirectory.GraphFile);
        var columnsPath = Path.Combine(directory, SnapshotDirectory.ColumnsFile);
        graph.Save(graphPath);
        ColumnsFile.Write(columnsPath, columns);
        var manifest = new SnapshotManifest(
            SnapshotManifest.CurrentFormat, sequence, graph.Dimensions, graph.Settings.Precision.ToString(),
            graph.Settings.Connectivity, columns.LiveCount, columns.RowCount, baseCurrency.Code,
            DateTimeOffset.UtcNow, new FileInfo(graphPath).Length, new FileInfo(columnsPath).Length,
            ColumnsFile.Checksum(columnsPath));
        manifest.Write(Path.Combine(directory, SnapshotManifest.FileName));
        return manifest;
    }

    public static (SnapshotManifest Manifest, HnswIndex Graph, ShardColumns Columns) Read(
        string directory, HnswSettings settings, Currency baseCurrency, SnapshotMode mode)
    {
        var manifest = SnapshotManifest.Read(directory);
        if (manifest.Dimensions != settings.Dimensions)
            throw new ShardSnapshotException(directory,
                $"holds {manifest.Dimensions}-dimensional vectors; the shard expects {settings.Dimensions}");
        if (manifest.BaseCurrency != baseCurrency.Code)
            throw new ShardSnapshotException(directory,
                $"prices are in {manifest.BaseCurrency}; the shard compares in {baseCurrency}");
        var columns = ReadColumns(directory, manifest);
        var graph = OpenGraph(directory, settings, mode);
        if (graph.Size == columns.LiveCount)
            return (manifest, graph, columns);
        graph.Dispose();
        throw new ShardSnapshotException(directory,
            $"the graph holds {graph.Size} vectors but the columns {columns.LiveCount} rows");
    }

    private static ShardColumns ReadColumns(string directory, SnapshotManifest manifest)
    {
        var path = Path.Combine(directory, SnapshotDirectory.ColumnsFile);
        if (!File.Exists(path) || ColumnsFile.Checksum(path) != manifest.ColumnsXxHash64)
            throw new ShardSnapshotException(directory,
                $"{SnapshotDirectory.ColumnsFile} is missing or does not match the manifest");
        var (rowCount, rows) = ColumnsFile.Read(path, directory);
        var columns = new ShardColumns();
        columns.EnsureCapacity(rowCount);
        foreach (var row in rows)
        {
            columns.Restore(row.Row, row.Product, row.PriceInBase);
            columns.MarkInGraph(row.Row);
        }
        columns.CollectFreeRows();
        return columns;
    }

    private static HnswIndex OpenGraph(string directory, HnswSettings settings, SnapshotMode mode)
    {
        var path = Path.Combine(directory, SnapshotDirectory.GraphFile);
        try
        {
            return mode == SnapshotMode.View ? HnswIndex.View(path, settings) : HnswIndex.Load(path, settings);
        }
        catch (Exception e) when (e is NativeIndexException or FileNotFoundException)
        {
            throw new ShardSnapshotException(directory, $"{SnapshotDirectory.GraphFile} cannot be opened: {e.Message}", e);
        }
    }
}
