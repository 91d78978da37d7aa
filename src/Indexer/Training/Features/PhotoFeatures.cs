using System.Collections.Concurrent;
using Pursearch.Indexer.Training.Caching;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Features;

/// <summary>
/// Backbone outputs of image files, computed once and cached by (embedding space, file content, decode size, region):
/// feature maps of whole photos for the crop head, and pooled vectors of regions for identification and retrieval.
/// Each image is rendered exactly as <c>VisionPipeline</c> renders it, so heads see at training time what they see
/// when serving. The next batch is decoded on another thread while the network runs.
/// </summary>
public sealed class PhotoFeatures : IDisposable
{
    private readonly ImageEmbedder _embedder;
    private readonly ImageDecoder _decoder;
    private readonly FeatureMapCache _maps;
    private readonly VectorCache _vectors;
    private readonly int _batchSize;
    private readonly ConcurrentDictionary<string, string> _fingerprints = new(StringComparer.Ordinal);

    public PhotoFeatures(ImageEmbedder embedder, ImageDecoder decoder, FeatureMapCache maps, VectorCache vectors,
        int batchSize = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        (_embedder, _decoder, _maps, _vectors, _batchSize) = (embedder, decoder, maps, vectors, batchSize);
    }

    /// <summary>Features cached under <c>{cacheDirectory}/{space}/</c> (maps as files, vectors in one log).</summary>
    public static PhotoFeatures Open(ImageEmbedder embedder, ImageDecoder decoder, string cacheDirectory, int batchSize = 16)
    {
        var root = Path.Combine(cacheDirectory, embedder.Space.Id);
        return new PhotoFeatures(embedder, decoder, new FeatureMapCache(Path.Combine(root, "maps")),
            VectorCache.Open(Path.Combine(root, "vectors.bin")), batchSize);
    }

    /// <summary>Features kept for this run only (tests, one-off tools).</summary>
    public static PhotoFeatures InMemory(ImageEmbedder embedder, ImageDecoder decoder, int batchSize = 16) =>
        new(embedder, decoder, FeatureMapCache.None, VectorCache.InMemory(), batchSize);

    public string SpaceId => _embedder.Space.Id;
    public int InputSide => _embedder.InputSide;

    /// <summary>
    /// Calls <paramref name="visit"/> with the feature map of each photo in order: the photo decoded with at least
    /// <paramref name="decodeMinSide"/> pixels, squashed to <paramref name="side"/>. Maps are handed out one at a time
    /// and not kept, so memory stays flat however many photos there are.
    /// </summary>
    public void ForEachMap(IReadOnlyList<string> imagePaths, int side, int decodeMinSide, Action<int, FeatureMap> visit,
        IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        var starts = Enumerable.Range(0, (imagePaths.Count + _batchSize - 1) / _batchSize).Select(c => c * _batchSize).ToList();
        Task<PreparedMaps>? next = null;
        for (var c = 0; c < starts.Count; c++)
        {
            cancel.ThrowIfCancellationRequested();
            var chunk = imagePaths.Skip(starts[c]).Take(_batchSize).ToList();
            var prepared = next is null ? PrepareMaps(chunk, side, decodeMinSide) : next.GetAwaiter().GetResult();
            var following = c + 1 < starts.Count ? imagePaths.Skip(starts[c + 1]).Take(_batchSize).ToList() : null;
            next = following is null ? null : Task.Run(() => PrepareMaps(following, side, decodeMinSide), cancel);
            var maps = Complete(prepared);
            for (var i = 0; i < maps.Length; i++)
                visit(starts[c] + i, maps[i]);
            progress?.Report(starts[c] + maps.Length);
        }
    }

    /// <summary>The L2-normalised vectors of <paramref name="regions"/>, in order.</summary>
    public float[][] Vectors(IReadOnlyList<ImageRegion> regions, IProgress<int>? progress = null,
        CancellationToken cancel = default)
    {
        var keys = regions.Select(VectorKey).ToArray();
        var missing = Enumerable.Range(0, regions.Count).Where(i => !_vectors.TryGet(keys[i], out _))
            .GroupBy(i => (regions[i].ImagePath, regions[i].DecodeMinSide))
            .Select(g => g.DistinctBy(i => keys[i]).ToList())
            .ToList();
        var done = regions.Count - missing.Sum(g => g.Count);
        progress?.Report(done);
        foreach (var batch in Batches(missing))
        {
            cancel.ThrowIfCancellationRequested();
            var images = new List<RgbaImage>();
            var batchKeys = new List<string>();
            foreach (var group in batch)
            {
                using var image = Decode(regions[group[0]].ImagePath, regions[group[0]].DecodeMinSide);
                foreach (var i in group)
                {
                    images.Add(image.Crop(regions[i].Box, _embedder.InputSide));
                    batchKeys.Add(keys[i]);
                }
            }
            var vectors = _embedder.Embed(images);
            for (var i = 0; i < vectors.Length; i++)
                _vectors.Put(batchKeys[i], vectors[i]);
            done += vectors.Length;
            progress?.Report(done);
        }
        _vectors.Flush();
        return [.. keys.Select(key => _vectors.TryGet(key, out var vector) ? vector
            : throw new InvalidOperationException($"vector {key} was not computed"))];
    }

    // Groups of one decoded image each, packed into batches of about the batch size.
    private IEnumerable<List<List<int>>> Batches(List<List<int>> groups)
    {
        var batch = new List<List<int>>();
        var size = 0;
        foreach (var group in groups)
        {
            batch.Add(group);
            size += group.Count;
            if (size < _batchSize)
                continue;
            yield return batch;
            (batch, size) = ([], 0);
        }
        if (batch.Count > 0)
            yield return batch;
    }

    private PreparedMaps PrepareMaps(List<string> paths, int side, int decodeMinSide)
    {
        var cached = new FeatureMap?[paths.Count];
        var keys = new string[paths.Count];
        var toEmbed = new List<(int Index, RgbaImage Image)>();
        for (var i = 0; i < paths.Count; i++)
        {
            keys[i] = $"{Fingerprint(paths[i])}-{decodeMinSide}-{side}";
            if (_maps.TryGet(keys[i], out var map))
            {
                cached[i] = map;
                continue;
            }
            using var image = Decode(paths[i], decodeMinSide);
            toEmbed.Add((i, image.Square(side)));
        }
        return new PreparedMaps(cached, keys, toEmbed);
    }

    private FeatureMap[] Complete(PreparedMaps prepared)
    {
        if (prepared.ToEmbed.Count > 0)
        {
            var outputs = _embedder.EmbedWithMaps([.. prepared.ToEmbed.Select(e => e.Image)]);
            for (var j = 0; j < outputs.Length; j++)
            {
                var index = prepared.ToEmbed[j].Index;
                prepared.Cached[index] = outputs[j].Map;
                _maps.Put(prepared.Keys[index], outputs[j].Map);
            }
        }
        return [.. prepared.Cached.Select(m => m!)];
    }

    private string VectorKey(ImageRegion region) =>
        $"{Fingerprint(region.ImagePath)}|{region.DecodeMinSide}|{region.BoxKey}";

    private string Fingerprint(string path) =>
        _fingerprints.GetOrAdd(path, p => FileFingerprint.Of(ReadImage(p)));

    private DecodedImage Decode(string path, int decodeMinSide)
    {
        try
        {
            return _decoder.Decode(ReadImage(path), decodeMinSide);
        }
        catch (ImageRejectedException e)
        {
            throw new TrainingSetException($"'{path}' cannot be used: {e.Message}", e);
        }
    }

    private static byte[] ReadImage(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrainingSetException($"'{path}' cannot be read: {e.Message}", e);
        }
    }

    public void Dispose() => _vectors.Dispose();

    private sealed record PreparedMaps(FeatureMap?[] Cached, string[] Keys, List<(int Index, RgbaImage Image)> ToEmbed);
}
