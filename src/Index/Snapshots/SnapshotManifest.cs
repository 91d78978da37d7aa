using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pursearch.Index.Snapshots;

/// <summary>
/// The small header of a snapshot directory: which change sequence it holds, the graph's shape, and the sizes
/// and checksum of the files beside it.
/// </summary>
public sealed record SnapshotManifest(
    int Format,
    long Sequence,
    int Dimensions,
    string Precision,
    int Connectivity,
    int Vectors,
    int Rows,
    string BaseCurrency,
    DateTimeOffset SavedAt,
    long GraphBytes,
    long ColumnsBytes,
    string ColumnsXxHash64)
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static SnapshotManifest Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new ShardSnapshotException(directory, $"no {FileName}");
        SnapshotManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SnapshotManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new ShardSnapshotException(directory, $"{FileName} is not valid: {e.Message}", e);
        }
        if (manifest is null || manifest.Format != CurrentFormat)
            throw new ShardSnapshotException(directory,
                $"{FileName} has format {manifest?.Format}; this build reads format {CurrentFormat}");
        return manifest;
    }
}
