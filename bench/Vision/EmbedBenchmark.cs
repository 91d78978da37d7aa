using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Imaging;

namespace Pursearch.Bench.Vision;

/// <summary><c>bench embed</c>: images/s of the Vision embedding API against a raw ONNX Runtime session on the same
/// tensors, batch and threads (interleaved batch by batch so load on a shared machine hits all alike), plus decode + resize alone.</summary>
public static class EmbedBenchmark
{
    public static EmbedBenchmarkResult Run(EmbedBenchmarkOptions options, Action<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Images);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Batch);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Rounds);

        progress?.Invoke($"rendering {options.Images} JPEGs of {BenchJpegs.Width}x{BenchJpegs.Height}");
        var jpegs = BenchJpegs.Render(options.Images, options.Seed);
        var decoder = new ImageDecoder();
        var inference = new InferenceOptions { IntraOpThreads = options.Threads, InterOpThreads = 1, AllowSpinning = options.Spinning };
        using var embedder = ImageEmbedder.Create(new EmbedderOptions { Inference = inference, MaxBatch = options.Batch });

        progress?.Invoke("decode + resize");
        var (pixels, decodeSeconds) = DecodeAll(decoder, jpegs, embedder.InputSide);
        var chunks = pixels.Chunk(options.Batch).ToList();
        var batches = chunks.Select(chunk => embedder.Preprocessing.CreateBatch(chunk)).ToList();

        using var raw = OnnxSession.Open(embedder.PreparedModelPath, inference);
        if (raw.Provider != embedder.Provider)
            throw new InvalidOperationException($"raw session runs on {raw.Provider}, the embedder on {embedder.Provider}");
        Action<int>[] contenders =
        [
            i => RunRaw(raw.Session, batches[i]),
            i => embedder.Embed(batches[i]),
            i => embedder.Embed(chunks[i]),
        ];
        progress?.Invoke($"warming up on {embedder.Provider}");
        foreach (var contender in contenders)
            contender(0);

        // Interleaved per batch, order rotating, so load from other processes falls on every contender alike.
        var seconds = new double[contenders.Length];
        for (var round = 0; round < options.Rounds; round++)
        {
            progress?.Invoke($"round {round + 1}/{options.Rounds}");
            for (var i = 0; i < batches.Count; i++)
            {
                for (var k = 0; k < contenders.Length; k++)
                {
                    var c = (round + i + k) % contenders.Length;
                    seconds[c] += Time(() => contenders[c](i));
                }
            }
        }

        var embedded = (double)options.Images * options.Rounds;
        var (rawRate, apiRate, pixelRate) = (embedded / seconds[0], embedded / seconds[1], embedded / seconds[2]);
        return new EmbedBenchmarkResult(options.Images, options.Batch, options.Threads, options.Rounds,
            options.Spinning, embedder.Provider.ToString(), embedder.CudaFailure, rawRate, apiRate, apiRate / rawRate, pixelRate,
            pixelRate / rawRate, options.Images / decodeSeconds,
            $"{BenchJpegs.Width}x{BenchJpegs.Height} JPEG to a {embedder.InputSide}x{embedder.InputSide} square, one thread");
    }

    private static (List<RgbaImage> Pixels, double Seconds) DecodeAll(ImageDecoder decoder, IReadOnlyList<byte[]> jpegs, int side)
    {
        var pixels = new List<RgbaImage>(jpegs.Count);
        var seconds = Time(() =>
        {
            foreach (var jpeg in jpegs)
            {
                using var image = decoder.Decode(jpeg, side);
                pixels.Add(image.Square(side));
            }
        });
        return (pixels, seconds);
    }

    // The baseline: what a caller writing ORT code by hand would do with the same tensor.
    private static void RunRaw(InferenceSession session, ImageTensorBatch batch)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(batch.Data, batch.Shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [BackboneGraph.InputName], [input], [BackboneGraph.PooledOutputName]);
        _ = outputs[0].GetTensorDataAsSpan<float>()[0];
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }
}
