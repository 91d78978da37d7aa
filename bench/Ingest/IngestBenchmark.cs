using System.Diagnostics;
using Pursearch.Bench.Vision;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Indexer;
using Pursearch.Indexer.Embedding;
using Pursearch.Storage;
using Pursearch.Storage.Sqlite;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Imaging;

namespace Pursearch.Bench.Ingest;

/// <summary>
/// <c>bench ingest</c>: the embedding pipeline against the raw embedder on the same JPEGs, batch and ORT threads.
/// Each round runs every contender once, order rotating, so load from other processes falls on all alike; the
/// pipeline gets a freshly filled store per round (filled before its clock starts).
/// </summary>
public static class IngestBenchmark
{
    public static async Task<IngestBenchmarkResult> RunAsync(IngestBenchmarkOptions options, Action<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Images);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Batch);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.DecodeParallelism);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Rounds);

        progress?.Invoke($"rendering {options.Images} JPEGs of {BenchJpegs.Width}x{BenchJpegs.Height}");
        var jpegs = BenchJpegs.Render(options.Images, options.Seed);
        var inference = new InferenceOptions { IntraOpThreads = options.Threads, InterOpThreads = 1 };
        using var embedder = ImageEmbedder.Create(new EmbedderOptions { Inference = inference, MaxBatch = options.Batch });
        var decoder = new ImageDecoder();
        var pixels = jpegs.Select(jpeg => Square(decoder, jpeg, embedder.InputSide)).ToList();
        var root = Path.Combine(Path.GetTempPath(), $"pursearch-bench-ingest-{Guid.NewGuid():N}");
        var pipelineOptions = new EmbeddingPipelineOptions { BatchSize = options.Batch, DecodeParallelism = options.DecodeParallelism };
        try
        {
            var system = LocalActorSystem.Create("pursearch-bench-ingest");
            try
            {
                progress?.Invoke($"warming up on {embedder.Provider}");
                RawFromBytes(decoder, embedder, jpegs.Take(options.Batch).ToList(), options.Batch);
                var seconds = new double[3];
                long failures = 0;
                for (var round = 0; round < options.Rounds; round++)
                {
                    progress?.Invoke($"round {round + 1}/{options.Rounds}: filling a store");
                    await using var store = await FillStoreAsync(Path.Combine(root, $"round-{round}"), jpegs);
                    await using var pipeline = new EmbeddingPipeline(store, embedder, pipelineOptions, system);
                    Func<Task>[] contenders =
                    [
                        async () => failures += (await pipeline.EmbedPendingAsync(new InMemoryVectorSink())).Failed,
                        () => Task.Run(() => RawFromBytes(decoder, embedder, jpegs, options.Batch)),
                        () => Task.Run(() => RawFromPixels(embedder, pixels, options.Batch)),
                    ];
                    progress?.Invoke($"round {round + 1}/{options.Rounds}: timing");
                    for (var k = 0; k < contenders.Length; k++)
                    {
                        var c = (round + k) % contenders.Length;
                        seconds[c] += await TimeAsync(contenders[c]);
                    }
                }
                var processed = (double)options.Images * options.Rounds;
                var (pipelineRate, bytesRate, pixelsRate) = (processed / seconds[0], processed / seconds[1], processed / seconds[2]);
                return new IngestBenchmarkResult(options.Images, options.Batch, options.Threads, options.DecodeParallelism,
                    options.Rounds, embedder.Provider.ToString(), $"{BenchJpegs.Width}x{BenchJpegs.Height} JPEG",
                    pipelineRate, bytesRate, pixelsRate, pipelineRate / bytesRate, pipelineRate / pixelsRate, failures);
            }
            finally
            {
                await system.Terminate();
            }
        }
        finally
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }

    // The baseline: what a caller would write by hand, decoding a batch then embedding it, one step after the other.
    private static void RawFromBytes(ImageDecoder decoder, ImageEmbedder embedder, IReadOnlyList<byte[]> jpegs, int batch)
    {
        foreach (var chunk in jpegs.Chunk(batch))
            embedder.Embed([.. chunk.Select(jpeg => Square(decoder, jpeg, embedder.InputSide))]);
    }

    private static void RawFromPixels(ImageEmbedder embedder, IReadOnlyList<RgbaImage> pixels, int batch)
    {
        foreach (var chunk in pixels.Chunk(batch))
            embedder.Embed(chunk);
    }

    private static RgbaImage Square(ImageDecoder decoder, byte[] jpeg, int side)
    {
        using var image = decoder.Decode(jpeg, side);
        return image.Square(side);
    }

    private static async Task<SqliteStore> FillStoreAsync(string directory, IReadOnlyList<byte[]> jpegs)
    {
        var store = await SqliteStore.OpenAsync(Path.Combine(directory, "catalog.db"), new StoreOptions(directory));
        var products = new List<Product>(jpegs.Count);
        for (var i = 0; i < jpegs.Count; i++)
        {
            using var content = new MemoryStream(jpegs[i], writable: false);
            var put = await store.Images.PutAsync(content, "image/jpeg");
            var sku = $"B-{i:00000}";
            products.Add(new Product(new ProductId("bench", sku), "Bench", $"Bag {i}", new Money(100, Currency.Usd),
                new Uri($"https://bench.test/p/{sku}"), new Uri($"https://bench.test/img/{sku}.jpg"),
                imageSha256: put.Image.Sha256));
        }
        await store.Catalog.UpsertManyAsync(products);
        return store;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalSeconds;
    }
}
