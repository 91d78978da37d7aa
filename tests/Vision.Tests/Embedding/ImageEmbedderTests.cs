using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Imaging;
using Pursearch.Vision.Tests.Imaging;

namespace Pursearch.Vision.Tests.Embedding;

[Collection(EmbedderCollection.Name)]
public sealed class ImageEmbedderTests(EmbedderFixture fixture)
{
    private readonly ImageEmbedder _embedder = fixture.Embedder;

    [Fact]
    public void Vectors_are_512_d_and_unit_length()
    {
        var vectors = _embedder.Embed([Input(1), Input(2)]);

        Assert.Equal(2, vectors.Length);
        foreach (var vector in vectors)
        {
            Assert.Equal(512, vector.Length);
            Assert.Equal(1, TensorPrimitives.Norm(vector), 4);
            Assert.All(vector, v => Assert.True(v >= 0, "pooled ReLU features are non-negative"));
        }
    }

    [Fact]
    public void Same_image_gives_the_same_vector_and_different_images_differ()
    {
        var first = _embedder.Embed(Input(4));
        var again = _embedder.Embed(Input(4));
        var other = _embedder.Embed(Input(5));

        Assert.Equal(first, again);
        Assert.True(TensorPrimitives.Dot(first, other) < 0.99f);
    }

    [Fact]
    public void A_batch_gives_the_same_vectors_as_one_by_one()
    {
        var images = new[] { Input(6), Input(7), Input(8) };

        var batched = _embedder.Embed(images);

        for (var i = 0; i < images.Length; i++)
            Assert.True(MaxDifference(batched[i], _embedder.Embed(images[i])) < 1e-5);
    }

    [Fact]
    public void The_prepared_graph_matches_the_original_fixed_graph_at_224()
    {
        var image = Input(9);
        var batch = _embedder.Preprocessing.CreateBatch([image]);
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var original = new InferenceSession(BackboneFiles.Locate().ModelPath, options);
        using var input = OrtValue.CreateTensorValueFromMemory(batch.Data, batch.Shape);
        using var runOptions = new RunOptions();
        using var outputs = original.Run(runOptions, [BackboneGraph.InputName], [input], [BackboneGraph.PooledOutputName]);
        var expected = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        TensorPrimitives.Divide(expected, TensorPrimitives.Norm(expected), expected);

        Assert.True(MaxDifference(expected, _embedder.Embed(image)) < 1e-5);
    }

    [Fact]
    public void At_448_the_map_is_14_by_14_and_the_vector_is_its_normalised_average()
    {
        using var decoded = new ImageDecoder().Decode(TestImages.Scene(10, 640, 480));

        var output = _embedder.EmbedWithMaps([decoded.Square(448)])[0];

        Assert.Equal((512, 14, 14), (output.Map.Channels, output.Map.Height, output.Map.Width));
        var average = new float[512];
        for (var c = 0; c < 512; c++)
            average[c] = TensorPrimitives.Sum(output.Map.Values.AsSpan(c * 196, 196)) / 196;
        TensorPrimitives.Divide(average, TensorPrimitives.Norm(average), average);
        Assert.True(MaxDifference(average, output.Vector) < 1e-5);
    }

    [Fact]
    public void Without_cuda_the_session_falls_back_to_cpu_and_says_why()
    {
        // The test project carries the CPU-only native runtime, so appending CUDA must fail and be recorded.
        Assert.Equal(ExecutionProvider.Cpu, _embedder.Provider);
        Assert.False(string.IsNullOrWhiteSpace(_embedder.CudaFailure));
    }

    [Fact]
    public void Cpu_only_sessions_do_not_try_cuda()
    {
        using var session = OnnxSession.Open(_embedder.PreparedModelPath,
            EmbedderFixture.SingleThreaded with { PreferCuda = false });

        Assert.Equal(ExecutionProvider.Cpu, session.Provider);
        Assert.Null(session.CudaFailure);
    }

    [Fact]
    public async Task Concurrent_calls_give_the_same_vectors_as_sequential_ones()
    {
        var images = new[] { Input(11), Input(12), Input(13), Input(14) };
        var sequential = images.Select(_embedder.Embed).ToArray();

        var concurrent = await Task.WhenAll(images.Select(image => Task.Run(() => _embedder.Embed(image))));

        for (var i = 0; i < images.Length; i++)
            Assert.True(MaxDifference(sequential[i], concurrent[i]) < 1e-5);
    }

    [Fact]
    public void The_prepared_graph_is_cached_and_reused()
    {
        var modified = File.GetLastWriteTimeUtc(_embedder.PreparedModelPath);

        var again = BackboneGraph.Prepare(BackboneFiles.Locate().ModelPath);

        Assert.Equal(_embedder.PreparedModelPath, again);
        Assert.Equal(modified, File.GetLastWriteTimeUtc(again));
        Assert.Contains("dynamic-v1-", Path.GetFileName(again));
    }

    [Fact]
    public void Missing_model_files_are_a_clear_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BackboneFiles.Locate("/nonexistent/models"));

        Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18", error.Message);
    }

    [Fact]
    public void The_embedding_space_names_backbone_and_preprocessing()
    {
        Assert.Equal(512, _embedder.Space.Dimensions);
        Assert.Contains("resnet18", _embedder.Space.Backbone);
        Assert.Contains("224", _embedder.Space.Preprocessing);
    }

    private static RgbaImage Input(int seed)
    {
        using var decoded = new ImageDecoder().Decode(TestImages.Scene(seed), minSide: 224);
        return decoded.Square(224);
    }

    private static float MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
}
