using Pursearch.Indexer.Training.Caching;
using Pursearch.Indexer.Training.Features;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Evaluation;

/// <summary>Colour histograms of image regions (rendered at <see cref="RegionSide"/>²), cached by content and region.</summary>
public sealed class ColourFeatures(ImageDecoder decoder, VectorCache cache) : IDisposable
{
    public const int RegionSide = 48;

    public static ColourFeatures Open(ImageDecoder decoder, string cacheDirectory) =>
        new(decoder, VectorCache.Open(Path.Combine(cacheDirectory, $"colour-{ColourHistogram.Version}.bin")));

    public static ColourFeatures InMemory(ImageDecoder decoder) => new(decoder, VectorCache.InMemory());

    public float[][] Of(IReadOnlyList<ImageRegion> regions, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        var histograms = new float[regions.Count][];
        var done = 0;
        foreach (var group in Enumerable.Range(0, regions.Count).GroupBy(i => (regions[i].ImagePath, regions[i].DecodeMinSide)))
        {
            cancel.ThrowIfCancellationRequested();
            var bytes = Read(group.Key.ImagePath);
            var fingerprint = FileFingerprint.Of(bytes);
            DecodedImage? image = null;
            try
            {
                foreach (var i in group)
                {
                    var key = $"{fingerprint}|{regions[i].DecodeMinSide}|{regions[i].BoxKey}";
                    if (!cache.TryGet(key, out var histogram))
                    {
                        image ??= decoder.Decode(bytes, group.Key.DecodeMinSide);
                        histogram = ColourHistogram.Of(image.Crop(regions[i].Box, RegionSide));
                        cache.Put(key, histogram);
                    }
                    histograms[i] = histogram;
                    done++;
                }
            }
            catch (ImageRejectedException e)
            {
                throw new TrainingSetException($"'{group.Key.ImagePath}' cannot be used: {e.Message}", e);
            }
            finally
            {
                image?.Dispose();
            }
            progress?.Report(done);
        }
        cache.Flush();
        return histograms;
    }

    private static byte[] Read(string path)
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

    public void Dispose() => cache.Dispose();
}
