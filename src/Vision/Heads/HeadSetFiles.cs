using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pursearch.Vision.Heads;

/// <summary>The on-disk format of a head set, one folder per model version: <c>heads.json</c> (format name and
/// version, embedding space, classes, crop rule) plus little-endian float32 blobs (<c>identification.f32</c>: classes×dims
/// weights row-major then one bias per class; <c>crop.f32</c>: dims weights then the bias), each checked by SHA-256.</summary>
public static class HeadSetFiles
{
    public const string ManifestName = "heads.json";
    public const string FormatName = "pursearch-heads";
    public const int FormatVersion = 1;
    private const string IdentificationBlob = "identification.f32";
    private const string CropBlob = "crop.f32";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Save(HeadSet heads, string directory)
    {
        Directory.CreateDirectory(directory);
        var manifest = new HeadManifest
        {
            Format = FormatName,
            FormatVersion = FormatVersion,
            EmbeddingSpace = heads.EmbeddingSpaceId,
            Identification = heads.Identification is { } id ? new IdentificationManifest
            {
                Dimensions = id.Dimensions,
                Classes = [.. id.Classes.Select(c => new ClassManifest { Slug = c.Slug, Brand = c.Brand, Style = c.Style })],
                Weights = WriteBlob(directory, IdentificationBlob, [.. id.Weights.ToArray(), .. id.Biases.ToArray()]),
            } : null,
            Crop = heads.Crop is { } crop ? new CropManifest
            {
                InputSide = crop.InputSide,
                CellNormalization = crop.Normalization,
                Threshold = crop.Rule.Threshold,
                Margin = crop.Rule.Margin,
                MinimumCells = crop.Rule.MinimumCells,
                Weights = WriteBlob(directory, CropBlob, [.. crop.Weights, crop.Bias]),
            } : null,
        };
        File.WriteAllText(Path.Combine(directory, ManifestName), JsonSerializer.Serialize(manifest, Json));
    }

    /// <summary>Reads a head set; any mismatch (format, version, sizes, hashes) is an <see cref="InvalidDataException"/>.</summary>
    public static HeadSet Load(string directory)
    {
        var path = Path.Combine(directory, ManifestName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"no {ManifestName} in {directory}", path);
        HeadManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<HeadManifest>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid: {e.Message}", e);
        }
        if (manifest.Format != FormatName || manifest.FormatVersion != FormatVersion)
            throw new InvalidDataException(
                $"{path} is '{manifest.Format}' v{manifest.FormatVersion}; this build reads '{FormatName}' v{FormatVersion}");
        if (string.IsNullOrWhiteSpace(manifest.EmbeddingSpace))
            throw new InvalidDataException($"{path} names no embedding space");
        try
        {
            return new HeadSet(manifest.EmbeddingSpace, ReadIdentification(directory, manifest.Identification),
                ReadCrop(directory, manifest.Crop));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static IdentificationHead? ReadIdentification(string directory, IdentificationManifest? manifest)
    {
        if (manifest is null)
            return null;
        var classes = (manifest.Classes ?? []).Select(c => new HeadClass(c.Slug ?? "", c.Brand, c.Style)).ToList();
        var weightCount = classes.Count * manifest.Dimensions;
        var values = ReadBlob(directory, manifest.Weights, weightCount + classes.Count);
        return new IdentificationHead(classes, manifest.Dimensions, values[..weightCount], values[weightCount..]);
    }

    private static CropHead? ReadCrop(string directory, CropManifest? manifest)
    {
        if (manifest is null)
            return null;
        var values = ReadBlob(directory, manifest.Weights, Embedding.BackboneGraph.FeatureDimensions + 1);
        return new CropHead(values[..^1], values[^1], manifest.CellNormalization,
            new BoxRule(manifest.Threshold, manifest.Margin, manifest.MinimumCells), manifest.InputSide);
    }

    private static BlobManifest WriteBlob(string directory, string name, float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        File.WriteAllBytes(Path.Combine(directory, name), bytes);
        return new BlobManifest { File = name, Count = values.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) };
    }

    private static float[] ReadBlob(string directory, BlobManifest? blob, int expectedCount)
    {
        if (blob?.File is null || Path.GetFileName(blob.File) != blob.File)
            throw new InvalidDataException($"a weights entry in {directory} has no plain file name");
        if (blob.Count != expectedCount)
            throw new InvalidDataException($"{blob.File} declares {blob.Count} floats, the head needs {expectedCount}");
        var bytes = File.ReadAllBytes(Path.Combine(directory, blob.File));
        if (bytes.Length != expectedCount * sizeof(float))
            throw new InvalidDataException($"{blob.File} has {bytes.Length} bytes, expected {expectedCount * sizeof(float)}");
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), blob.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{blob.File} does not match its SHA-256 in {ManifestName}");
        var values = new float[expectedCount];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return values;
    }

    private sealed class HeadManifest
    {
        public string? Format { get; set; }
        public int FormatVersion { get; set; }
        public string? EmbeddingSpace { get; set; }
        public IdentificationManifest? Identification { get; set; }
        public CropManifest? Crop { get; set; }
    }

    private sealed class IdentificationManifest
    {
        public int Dimensions { get; set; }
        public List<ClassManifest>? Classes { get; set; }
        public BlobManifest? Weights { get; set; }
    }

    private sealed class ClassManifest
    {
        public string? Slug { get; set; }
        public string? Brand { get; set; }
        public string? Style { get; set; }
    }

    private sealed class CropManifest
    {
        public int InputSide { get; set; }
        public CellNormalization CellNormalization { get; set; }
        public double Threshold { get; set; }
        public double Margin { get; set; }
        public int MinimumCells { get; set; } = 1;
        public BlobManifest? Weights { get; set; }
    }

    private sealed class BlobManifest
    {
        public string? File { get; set; }
        public int Count { get; set; }
        public string? Sha256 { get; set; }
    }
}
