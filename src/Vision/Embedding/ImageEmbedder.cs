using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Pursearch.Core.Versions;
using Pursearch.Vision.Imaging;

namespace Pursearch.Vision.Embedding;

/// <summary>Embeds images with the prepared ResNet-18 graph: N square images → N L2-normalised 512-d vectors, and on
/// request each image's last feature map. Thread-safe: ONNX Runtime sessions allow concurrent runs.</summary>
public sealed class ImageEmbedder : IDisposable
{
    private static readonly string[] InputNames = [BackboneGraph.InputName];
    private static readonly string[] PooledOnly = [BackboneGraph.PooledOutputName];
    private static readonly string[] PooledAndMap = [BackboneGraph.PooledOutputName, BackboneGraph.MapOutputName];

    private readonly OnnxSession _session;
    private readonly int _maxBatch;

    private ImageEmbedder(OnnxSession session, ResNetPreprocessing preprocessing, string preparedModelPath, int maxBatch)
    {
        _session = session;
        Preprocessing = preprocessing;
        PreparedModelPath = preparedModelPath;
        _maxBatch = maxBatch;
    }

    /// <summary>Locates the backbone files, prepares (or reuses) the dynamic graph and opens a session.</summary>
    public static ImageEmbedder Create(EmbedderOptions? options = null)
    {
        options ??= new EmbedderOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBatch);
        var files = BackboneFiles.Locate(options.ModelDirectory);
        var preprocessing = ResNetPreprocessing.Load(files.PreprocessingPath);
        var prepared = BackboneGraph.Prepare(files.ModelPath, options.CacheDirectory);
        return new ImageEmbedder(OnnxSession.Open(prepared, options.Inference), preprocessing, prepared, options.MaxBatch);
    }

    public ExecutionProvider Provider => _session.Provider;
    public string? CudaFailure => _session.CudaFailure;
    public EmbeddingSpace Space => VisionSpaces.ResNet18Squash224;
    public int Dimensions => BackboneGraph.FeatureDimensions;
    /// <summary>The square input side of the embedding space (vectors from other sides are not comparable).</summary>
    public int InputSide => ResNetPreprocessing.NativeSide;
    public ResNetPreprocessing Preprocessing { get; }
    public string PreparedModelPath { get; }

    public float[] Embed(RgbaImage image) => Embed([image])[0];

    /// <summary>Embeds square images of one common side (normally <see cref="InputSide"/>), in chunks of at most
    /// the configured batch size.</summary>
    public float[][] Embed(IReadOnlyList<RgbaImage> images) =>
        [.. Chunks(images).SelectMany(chunk => Embed(Preprocessing.CreateBatch(chunk)))];

    /// <summary>Embeds an already preprocessed batch in one network run.</summary>
    public float[][] Embed(ImageTensorBatch batch)
    {
        using var outputs = Run(batch, PooledOnly);
        return Vectors(outputs[0], batch.Count);
    }

    /// <summary>Vectors and feature maps of square images of one common side (e.g. 448 gives 14×14 maps).</summary>
    public BackboneOutput[] EmbedWithMaps(IReadOnlyList<RgbaImage> images) =>
        [.. Chunks(images).SelectMany(chunk => EmbedWithMaps(Preprocessing.CreateBatch(chunk)))];

    public BackboneOutput[] EmbedWithMaps(ImageTensorBatch batch)
    {
        using var outputs = Run(batch, PooledAndMap);
        var vectors = Vectors(outputs[0], batch.Count);
        var shape = outputs[1].GetTensorTypeAndShape().Shape;
        var (channels, height, width) = ((int)shape[1], (int)shape[2], (int)shape[3]);
        var per = channels * height * width;
        var maps = outputs[1].GetTensorDataAsSpan<float>();
        var results = new BackboneOutput[batch.Count];
        for (var i = 0; i < batch.Count; i++)
            results[i] = new BackboneOutput(vectors[i], new FeatureMap(channels, height, width, maps.Slice(i * per, per).ToArray()));
        return results;
    }

    private IDisposableReadOnlyCollection<OrtValue> Run(ImageTensorBatch batch, string[] outputNames)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(batch.Data, batch.Shape);
        using var runOptions = new RunOptions();
        return _session.Session.Run(runOptions, InputNames, [input], outputNames);
    }

    private float[][] Vectors(OrtValue pooled, int count)
    {
        var values = pooled.GetTensorDataAsSpan<float>();
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var vector = values.Slice(i * Dimensions, Dimensions).ToArray();
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
                TensorPrimitives.Divide(vector, norm, vector);
            vectors[i] = vector;
        }
        return vectors;
    }

    private IEnumerable<IReadOnlyList<RgbaImage>> Chunks(IReadOnlyList<RgbaImage> images)
    {
        if (images.Count == 0)
            throw new ArgumentException("no images", nameof(images));
        for (var start = 0; start < images.Count; start += _maxBatch)
            yield return images.Skip(start).Take(_maxBatch).ToList();
    }

    public void Dispose() => _session.Dispose();
}
