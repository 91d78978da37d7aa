using System.Security.Cryptography;
using Onnx;

namespace Pursearch.Vision.Embedding;

/// <summary>Rewrites the package's fixed-shape ResNet-18 graph once into one with dynamic batch and image size
/// and the last feature map as a second output, cached on disk under a name keyed by the source file's hash.</summary>
public static class BackboneGraph
{
    public const string InputName = "Input247";
    public const string PooledOutputName = "Pooling395_Output_0";
    public const string MapOutputName = "ReLU393_Output_0";
    public const int FeatureDimensions = 512;
    /// <summary>The backbone's total stride: a side×side input gives a (side/32)×(side/32) map.</summary>
    public const int Stride = 32;

    // Bump when Rewrite changes, so stale cached graphs are not reused.
    private const int RewriteVersion = 1;

    /// <summary>Returns the path of the prepared graph, creating it on first use. The cache folder defaults to
    /// <c>prepared/</c> beside the source, or the temp folder when that is not writable.</summary>
    public static string Prepare(string sourceModelPath, string? cacheDirectory = null)
    {
        var name = $"{Path.GetFileNameWithoutExtension(sourceModelPath)}.dynamic-v{RewriteVersion}-{ShortHash(sourceModelPath)}.onnx";
        foreach (var directory in CacheDirectories(sourceModelPath, cacheDirectory))
        {
            var target = Path.Combine(directory, name);
            if (File.Exists(target))
                return target;
            try
            {
                Write(sourceModelPath, target);
                return target;
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException && cacheDirectory is null)
            {
                // Not writable (e.g. a read-only install): fall through to the next candidate.
            }
        }
        throw new IOException($"no writable cache folder for the prepared graph of {sourceModelPath}");
    }

    /// <summary>The graph changes, in memory: dynamic N/H/W input, GlobalAveragePool, stale shapes dropped, map output.</summary>
    public static void Rewrite(ModelProto model)
    {
        var graph = model.Graph;
        var input = graph.Input.Single(i => i.Name == InputName);
        SetDims(input, "batch", null, "height", "width");
        // Intermediate shapes were inferred for 1×3×224×224; ORT re-infers them for the real input.
        graph.ValueInfo.Clear();

        var pool = graph.Node.Single(n => n.Output.Contains(PooledOutputName));
        if (pool.OpType is not ("AveragePool" or "GlobalAveragePool"))
            throw new InvalidDataException($"{PooledOutputName} is produced by {pool.OpType}, expected AveragePool");
        pool.OpType = "GlobalAveragePool";
        pool.Attribute.Clear();

        var pooled = graph.Output.Single(o => o.Name == PooledOutputName);
        SetDims(pooled, "batch", null, null, null);
        var map = new ValueInfoProto
        {
            Name = MapOutputName,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
        };
        map.Type.TensorType.Shape = new TensorShapeProto();
        foreach (var dim in new[] { "batch", null, "map_height", "map_width" })
        {
            map.Type.TensorType.Shape.Dim.Add(dim is null
                ? new TensorShapeProto.Types.Dimension { DimValue = FeatureDimensions }
                : new TensorShapeProto.Types.Dimension { DimParam = dim });
        }
        graph.Output.Add(map);
    }

    private static void SetDims(ValueInfoProto value, params string?[] names)
    {
        var dims = value.Type.TensorType.Shape.Dim;
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i] is { } param)
                dims[i] = new TensorShapeProto.Types.Dimension { DimParam = param };
        }
    }

    private static void Write(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var model = ModelProto.Parser.ParseFromFile(source);
        Rewrite(model);
        // Write beside, then move: concurrent first loads (several processes) never see a half-written file.
        var temporary = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            model.WriteToFile(temporary);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static IEnumerable<string> CacheDirectories(string source, string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            yield return explicitDirectory;
            yield break;
        }
        yield return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source))!, "prepared");
        yield return Path.Combine(Path.GetTempPath(), "pursearch-models");
    }

    private static string ShortHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
    }
}
