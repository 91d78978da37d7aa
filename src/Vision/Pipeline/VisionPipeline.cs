using System.Diagnostics;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;

namespace Pursearch.Vision.Pipeline;

/// <summary>Image bytes → decode → (find the bag) → embed the crop → identify: what a search query and the evaluation
/// run on. Thread-safe; cheap to create, so build a new one when the live heads change.</summary>
public sealed class VisionPipeline
{
    private readonly ImageDecoder _decoder;
    private readonly ImageEmbedder _embedder;
    private readonly HeadSet _heads;
    private readonly VisionPipelineOptions _options;

    public VisionPipeline(ImageDecoder decoder, ImageEmbedder embedder, HeadSet heads, VisionPipelineOptions? options = null)
    {
        if (heads.EmbeddingSpaceId != embedder.Space.Id)
            throw new ArgumentException(
                $"heads were trained on embedding space '{heads.EmbeddingSpaceId}', the embedder produces '{embedder.Space.Id}'",
                nameof(heads));
        _decoder = decoder;
        _embedder = embedder;
        _heads = heads;
        _options = options ?? new VisionPipelineOptions();
    }

    public HeadSet Heads => _heads;

    /// <summary>Analyses encoded image bytes; throws <see cref="ImageRejectedException"/> for a bad image.</summary>
    public VisionResult Analyze(ReadOnlySpan<byte> encoded, CropMode mode)
    {
        var clock = Stopwatch.StartNew();
        var cropping = mode == CropMode.Auto && _heads.Crop is not null;
        using var image = _decoder.Decode(encoded, cropping ? _options.CropDecodeMinSide : _embedder.InputSide);
        var decodeMs = clock.Elapsed.TotalMilliseconds;
        var result = Analyze(image, mode);
        return result with { Timings = result.Timings with { DecodeMs = decodeMs } };
    }

    /// <summary>Analyses an already decoded image (decode time reported as 0).</summary>
    public VisionResult Analyze(DecodedImage image, CropMode mode)
    {
        var clock = Stopwatch.StartNew();
        var crop = mode == CropMode.Auto ? LocateBag(image) : CropOutcome.Off;
        var cropMs = Lap(clock);
        var input = crop.Box is { } box ? image.Crop(box, _embedder.InputSide) : image.Square(_embedder.InputSide);
        var vector = _embedder.Embed(input);
        var embedMs = Lap(clock);
        var identification = _heads.Identification?.Identify(vector, _options.TopClasses);
        var identifyMs = Lap(clock);
        return new VisionResult(crop, identification, vector, new StageTimings(0, cropMs, embedMs, identifyMs));
    }

    /// <summary>Runs the crop head over the whole image; <see cref="CropOutcome.Off"/> when no crop head is loaded.</summary>
    public CropOutcome LocateBag(DecodedImage image)
    {
        if (_heads.Crop is not { } head)
            return CropOutcome.Off;
        var map = _embedder.EmbedWithMaps([image.Square(head.InputSide)])[0].Map;
        var detection = head.Detect(map);
        return new CropOutcome(CropMode.Auto, detection.Found, detection.Box, detection.Score);
    }

    private static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }
}
