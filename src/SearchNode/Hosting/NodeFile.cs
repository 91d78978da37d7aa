using System.Text.Json;

namespace Pursearch.SearchNode.Hosting;

/// <summary>The discovery file <c>{data}/node.json</c>: the URL of the node serving a data dir, and its process id,
/// so operator commands given <c>--data</c> find it. Removed when the node stops.</summary>
public sealed record NodeFile(string Url, int ProcessId, DateTimeOffset StartedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Write(string path)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The node file of a data dir whose process is still running; null otherwise.</summary>
    public static NodeFile? ReadLive(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            var file = JsonSerializer.Deserialize<NodeFile>(File.ReadAllText(path), Json);
            return file is not null && IsRunning(file.ProcessId) ? file : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Deletes the file if this process wrote it.</summary>
    public static void RemoveOwn(string path)
    {
        var file = File.Exists(path) ? ReadLive(path) : null;
        if (file?.ProcessId == Environment.ProcessId)
            File.Delete(path);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
