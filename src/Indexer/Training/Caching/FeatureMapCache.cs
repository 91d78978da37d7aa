using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Pursearch.Vision.Embedding;

namespace Pursearch.Indexer.Training.Caching;

/// <summary>
/// Backbone feature maps on disk, one file per key under one folder, stored as IEEE half floats (a 512×14×14 map is
/// 200 KB instead of 400 KB; the ReLU activations need nothing finer to score the crop head). Files are written to a
/// temporary name and moved into place, so concurrent runs never see half a map. A null folder keeps nothing.
/// </summary>
public sealed class FeatureMapCache(string? directory)
{
    private const int Magic = 0x31_4D_46_50; // "PFM1"
    private const int HeaderBytes = 16;

    public static FeatureMapCache None { get; } = new(null);

    public bool TryGet(string key, out FeatureMap map)
    {
        map = null!;
        if (directory is null)
            return false;
        var path = PathOf(key);
        if (!File.Exists(path))
            return false;
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderBytes || BinaryPrimitives.ReadInt32LittleEndian(bytes) != Magic)
            return false;
        var channels = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        var height = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        var width = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        if (channels <= 0 || height <= 0 || width <= 0 ||
            bytes.Length != HeaderBytes + (long)channels * height * width * 2)
            return false;
        var halves = MemoryMarshal.Cast<byte, Half>(bytes.AsSpan(HeaderBytes));
        var values = new float[halves.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = (float)halves[i];
        map = new FeatureMap(channels, height, width, values);
        return true;
    }

    public void Put(string key, FeatureMap map)
    {
        if (directory is null)
            return;
        var bytes = new byte[HeaderBytes + map.Values.Length * 2];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), map.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), map.Height);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), map.Width);
        var halves = MemoryMarshal.Cast<byte, Half>(bytes.AsSpan(HeaderBytes));
        for (var i = 0; i < map.Values.Length; i++)
            halves[i] = (Half)map.Values[i];
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    private string PathOf(string key) => Path.Combine(directory!, key[..2], key + ".f16");
}
