using Onnx;
using Pursearch.Vision.Imaging;

namespace Pursearch.Vision.Embedding;

/// <summary>The package's ResNetPreprocess.onnx done in C#: RGB 0–255 → B, G, R planes minus the mean image
/// (at 224) or minus that image's per-channel means (at any other size). The means are read from the graph.</summary>
public sealed class ResNetPreprocessing
{
    public const int NativeSide = 224;
    private const string MeanInitializer = "MeanImage";

    private readonly float[] _meanImage;
    private readonly float[] _channelMeans;

    private ResNetPreprocessing(float[] meanImage)
    {
        _meanImage = meanImage;
        const int plane = NativeSide * NativeSide;
        _channelMeans = [.. Enumerable.Range(0, 3).Select(c => (float)_meanImage.AsSpan(c * plane, plane).ToArray().Average())];
    }

    /// <summary>Per-channel means in network order: B, G, R.</summary>
    public IReadOnlyList<float> ChannelMeans => _channelMeans;

    public static ResNetPreprocessing Load(string preprocessingModelPath)
    {
        var graph = ModelProto.Parser.ParseFromFile(preprocessingModelPath).Graph;
        var mean = graph.Initializer.SingleOrDefault(t => t.Name == MeanInitializer)
            ?? throw new InvalidDataException($"{preprocessingModelPath} has no {MeanInitializer} initializer");
        var values = mean.FloatData.Count > 0
            ? mean.FloatData.ToArray()
            : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(mean.RawData.Span).ToArray();
        if (values.Length != 3 * NativeSide * NativeSide)
            throw new InvalidDataException($"{MeanInitializer} has {values.Length} values, expected 3×{NativeSide}×{NativeSide}");
        return new ResNetPreprocessing(values);
    }

    /// <summary>Writes one square image as 3 planes (B, G, R) of side² floats into <paramref name="destination"/>.</summary>
    public void Write(RgbaImage image, Span<float> destination)
    {
        if (image.Width != image.Height)
            throw new ArgumentException($"expected a square image, got {image.Width}×{image.Height}", nameof(image));
        var plane = image.Width * image.Width;
        if (destination.Length != 3 * plane)
            throw new ArgumentException($"expected {3 * plane} floats, got {destination.Length}", nameof(destination));
        var pixels = image.Pixels.AsSpan();
        var blue = destination[..plane];
        var green = destination.Slice(plane, plane);
        var red = destination.Slice(2 * plane, plane);
        for (var i = 0; i < plane; i++)
        {
            red[i] = pixels[4 * i];
            green[i] = pixels[4 * i + 1];
            blue[i] = pixels[4 * i + 2];
        }
        SubtractMean(destination, image.Width);
    }

    /// <summary>Preprocesses images of one common square size into a batch.</summary>
    public ImageTensorBatch CreateBatch(IReadOnlyList<RgbaImage> images)
    {
        if (images.Count == 0)
            throw new ArgumentException("no images", nameof(images));
        var side = images[0].Width;
        if (images.Any(i => i.Width != side || i.Height != side))
            throw new ArgumentException($"every image in a batch must be {side}×{side}", nameof(images));
        var per = 3 * side * side;
        var data = new float[images.Count * per];
        for (var i = 0; i < images.Count; i++)
            Write(images[i], data.AsSpan(i * per, per));
        return new ImageTensorBatch(images.Count, side, data);
    }

    private void SubtractMean(Span<float> planes, int side)
    {
        if (side == NativeSide)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(planes, _meanImage, planes);
            return;
        }
        var plane = side * side;
        for (var c = 0; c < 3; c++)
            System.Numerics.Tensors.TensorPrimitives.Subtract(planes.Slice(c * plane, plane), _channelMeans[c],
                planes.Slice(c * plane, plane));
    }
}
