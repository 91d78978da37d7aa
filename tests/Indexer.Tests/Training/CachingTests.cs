using Pursearch.Indexer.Training.Caching;
using Pursearch.Vision.Embedding;

namespace Pursearch.Indexer.Tests.Training;

public sealed class CachingTests
{
    [Fact]
    public void Vectors_survive_a_reopen_and_a_torn_last_record_is_dropped()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Combine("vectors.bin");
        using (var cache = VectorCache.Open(path))
        {
            Assert.True(cache.Persistent);
            cache.Put("a", [1, 2, 3]);
            cache.Put("b", [4.5f]);
            cache.Put("a", [9, 9, 9]);
        }
        // A crash in the middle of a record leaves a partial tail.
        using (var log = new FileStream(path, FileMode.Append))
            log.Write([5, 0, 0, 0, (byte)'c', (byte)'c']);

        using (var reopened = VectorCache.Open(path))
        {
            Assert.Equal(2, reopened.Count);
            Assert.True(reopened.TryGet("a", out var a));
            Assert.Equal([1f, 2f, 3f], a);
            Assert.True(reopened.TryGet("b", out var b));
            Assert.Equal([4.5f], b);
            Assert.False(reopened.TryGet("c", out _));
            reopened.Put("c", [7]);
        }
        using var third = VectorCache.Open(path);
        Assert.Equal(3, third.Count);
    }

    [Fact]
    public void A_second_opener_reads_the_log_without_writing_to_it()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Combine("vectors.bin");
        using var writer = VectorCache.Open(path);
        writer.Put("a", [1]);
        writer.Flush();

        using var reader = VectorCache.Open(path);
        reader.Put("b", [2]);

        Assert.False(reader.Persistent);
        Assert.True(reader.TryGet("a", out _));
        Assert.True(reader.TryGet("b", out _));
        Assert.False(writer.TryGet("b", out _));
    }

    [Fact]
    public void Feature_maps_round_trip_at_half_precision()
    {
        using var scratch = new ScratchFolder();
        var cache = new FeatureMapCache(scratch.Combine("maps"));
        var values = Enumerable.Range(0, 2 * 3 * 4).Select(i => i * 0.37f).ToArray();
        cache.Put("ab12", new FeatureMap(2, 3, 4, values));

        Assert.True(cache.TryGet("ab12", out var map));
        Assert.Equal((2, 3, 4), (map.Channels, map.Height, map.Width));
        for (var i = 0; i < values.Length; i++)
            Assert.Equal(values[i], map.Values[i], 0.01f);
        Assert.False(cache.TryGet("cd34", out _));
        Assert.False(FeatureMapCache.None.TryGet("ab12", out _));
    }

    [Fact]
    public void A_damaged_map_file_is_a_miss_not_a_crash()
    {
        using var scratch = new ScratchFolder();
        var cache = new FeatureMapCache(scratch.Path);
        cache.Put("ef56", new FeatureMap(1, 1, 2, [1, 2]));
        var file = Directory.EnumerateFiles(scratch.Path, "*.f16", SearchOption.AllDirectories).Single();
        File.WriteAllBytes(file, [1, 2, 3]);

        Assert.False(cache.TryGet("ef56", out _));
    }
}
