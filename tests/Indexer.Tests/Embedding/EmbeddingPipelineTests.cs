using System.Numerics.Tensors;
using System.Threading.Channels;
using Pursearch.Core.Catalog;
using Pursearch.Indexer.Embedding;
using Pursearch.Vision.Imaging;
using Xunit.Abstractions;

namespace Pursearch.Indexer.Tests.Embedding;

[Collection(EmbeddingCollection.Name)]
public sealed class EmbeddingPipelineTests(EmbeddingFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Embeds_every_product_into_the_store_and_the_sink_with_the_vector_of_its_own_image()
    {
        await using var world = await IngestWorld.CreateAsync(products: 10);
        await world.ImportAsync();
        await using var pipeline = world.Pipeline(fixture);
        var sink = new InMemoryVectorSink();
        var progress = new RecordedProgress<EmbeddingProgress>();

        var result = await pipeline.EmbedPendingAsync(sink, progress).WaitAsync(Patience);

        Assert.False(result.Cancelled);
        Assert.Equal((10, 0), (result.Embedded, result.Failed));
        Assert.Equal(10, await world.Store.Embeddings.CountAsync(pipeline.Space.Id));
        Assert.Equal(10, sink.Count);
        for (var i = 0; i < 10; i++)
        {
            var id = world.Forge.IdOf(i);
            var stored = await world.Store.Embeddings.GetAsync(id, pipeline.Space.Id);
            Assert.NotNull(stored);
            Assert.Equal(512, stored.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(stored.Vector), 1e-4f);
            Assert.Equal(stored.Vector, sink.Find(id)!.Vector);
            Assert.Equal((await world.Store.Catalog.GetAsync(id))!.ImageSha256, stored.ImageSha256);
            Assert.True(TensorPrimitives.CosineSimilarity(DirectEmbedding(world.Forge.ImagePathOf(i)), stored.Vector) > 0.9999f,
                $"{id} was stored with another image's vector");
        }
        var final = progress.Reports[^1];
        Assert.Equal((10L, 10L, 0L), (final.Total, final.Embedded, final.Failed));
        Assert.True(final.ImagesPerSecond > 0);
        Assert.True(progress.Reports.Zip(progress.Reports.Skip(1)).All(pair => pair.First.Embedded <= pair.Second.Embedded));
    }

    [Fact]
    public async Task Poisoned_images_are_recorded_with_their_reason_and_skipped_while_the_rest_completes()
    {
        await using var world = await IngestWorld.CreateAsync(products: 11);
        world.Forge.WriteImage(2, TinyImages.Truncated(2));
        world.Forge.WriteImage(5, "this is not an image"u8.ToArray());
        world.Forge.WriteImage(8, []);
        world.Forge.WriteImage(9, TinyImages.Jpeg(9, width: 600, height: 450));
        await world.ImportAsync();
        var ghost = (await world.Store.Catalog.GetAsync(world.Forge.IdOf(7)))!.WithImage(new string('a', 64));
        await world.Store.Catalog.UpsertAsync(ghost);
        var limit = new FileInfo(world.Forge.ImagePathOf(9)).Length - 1;
        Assert.True(Enumerable.Range(0, 11).Where(i => i != 9).All(i => new FileInfo(world.Forge.ImagePathOf(i)).Length <= limit));
        await using var pipeline = world.Pipeline(fixture,
            new EmbeddingPipelineOptions { BatchSize = 4, DecodeLimits = new DecodeLimits { MaxBytes = limit } });
        var sink = new InMemoryVectorSink();

        var result = await pipeline.EmbedPendingAsync(sink).WaitAsync(Patience);

        Assert.Equal((6, 5), (result.Embedded, result.Failed));
        Assert.Equal(6, sink.Count);
        var failures = result.Failures.ToDictionary(f => f.ProductId, f => f.Kind);
        Assert.Equal(EmbeddingFailureKind.CorruptImage, failures[world.Forge.IdOf(2)]);
        Assert.Equal(EmbeddingFailureKind.UnsupportedFormat, failures[world.Forge.IdOf(5)]);
        Assert.Equal(EmbeddingFailureKind.ImageMissing, failures[world.Forge.IdOf(7)]);
        Assert.Equal(EmbeddingFailureKind.EmptyImage, failures[world.Forge.IdOf(8)]);
        Assert.Equal(EmbeddingFailureKind.ImageTooLarge, failures[world.Forge.IdOf(9)]);
        Assert.All(result.Failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
        Assert.Null(await world.Store.Embeddings.GetAsync(world.Forge.IdOf(2), pipeline.Space.Id));
    }

    [Fact]
    public async Task A_second_run_embeds_nothing_and_a_changed_image_alone_is_embedded_again()
    {
        await using var world = await IngestWorld.CreateAsync(products: 8);
        await world.ImportAsync();
        await using var pipeline = world.Pipeline(fixture);
        await pipeline.EmbedPendingAsync(new InMemoryVectorSink()).WaitAsync(Patience);
        var changed = world.Forge.IdOf(3);
        var before = (await world.Store.Embeddings.GetAsync(changed, pipeline.Space.Id))!.Vector;

        var sink = new InMemoryVectorSink();
        var again = await pipeline.EmbedPendingAsync(sink).WaitAsync(Patience);
        Assert.Equal((0L, 0L, 0L), (again.Progress.Total, again.Embedded, again.Failed));
        Assert.Equal(0, sink.Batches);

        world.Forge.WriteImage(3, TinyImages.Jpeg(1000));
        world.Forge.Items[5].Price += 10;
        world.Forge.WriteCatalog();
        var import = await world.ImportAsync();
        Assert.Equal((1, 1), (import.ImageChanged, import.PriceChanged));
        Assert.Equal(1, await pipeline.CountPendingAsync());

        var third = await pipeline.EmbedPendingAsync(sink).WaitAsync(Patience);
        Assert.Equal(1, third.Embedded);
        Assert.Equal([changed], sink.Items.Select(item => item.Product.Id));
        var after = (await world.Store.Embeddings.GetAsync(changed, pipeline.Space.Id))!.Vector;
        Assert.True(TensorPrimitives.CosineSimilarity(before, after) < 0.999f, "the new image should give a new vector");
    }

    [Fact]
    public async Task Explicit_ids_embed_what_needs_it_count_current_ones_and_record_unknown_ids()
    {
        await using var world = await IngestWorld.CreateAsync(products: 5);
        await world.ImportAsync();
        await using var pipeline = world.Pipeline(fixture);
        var unknown = new ProductId("rue", "NOPE");
        ProductId[] ids = [world.Forge.IdOf(0), world.Forge.IdOf(1), unknown, world.Forge.IdOf(0)];
        var sink = new InMemoryVectorSink();

        var first = await pipeline.EmbedProductsAsync(ids, sink).WaitAsync(Patience);
        var second = await pipeline.EmbedProductsAsync(ids, sink).WaitAsync(Patience);

        Assert.Equal((3L, 2L, 1L, 0L), (first.Progress.Total, first.Embedded, first.Failed, first.AlreadyCurrent));
        Assert.Equal(EmbeddingFailureKind.ProductNotFound, Assert.Single(first.Failures).Kind);
        Assert.Equal((0L, 1L, 2L), (second.Embedded, second.Failed, second.AlreadyCurrent));
        Assert.Equal(2, await world.Store.Embeddings.CountAsync(pipeline.Space.Id));
        Assert.Equal(3, await pipeline.CountPendingAsync());
    }

    [Fact]
    public async Task A_slow_sink_holds_back_the_whole_graph_so_the_products_in_flight_stay_bounded()
    {
        await using var world = await IngestWorld.CreateAsync(products: 40);
        await world.ImportAsync();
        var gauge = new InFlightGauge();
        var options = new EmbeddingPipelineOptions { DecodeParallelism = 2, BatchSize = 3, PageSize = 64 };
        await using var pipeline = new EmbeddingPipeline(new CountingStore(world.Store, gauge), fixture.Embedder, options, fixture.System);
        var sink = new SlowSink(TimeSpan.FromMilliseconds(150), gauge);

        var result = await pipeline.EmbedPendingAsync(sink).WaitAsync(Patience);

        output.WriteLine($"most products in flight: {gauge.Max} (bound {options.InFlightBound})");
        Assert.Equal(40, result.Embedded);
        Assert.Equal(40, sink.Applied.Count);
        Assert.InRange(gauge.Max, options.BatchSize + 1, options.InFlightBound);
        Assert.True(options.InFlightBound < 40 / 2, "the bound must be well under the catalog for the test to mean anything");
    }

    [Fact]
    public async Task Cancelling_stops_the_run_cleanly_and_the_next_run_embeds_only_the_rest()
    {
        await using var world = await IngestWorld.CreateAsync(products: 30);
        await world.ImportAsync();
        var gauge = new InFlightGauge();
        var options = new EmbeddingPipelineOptions { DecodeParallelism = 2, BatchSize = 3 };
        await using var pipeline = new EmbeddingPipeline(new CountingStore(world.Store, gauge), fixture.Embedder, options, fixture.System);
        var sink = new SlowSink(TimeSpan.FromMilliseconds(200), gauge);
        using var cancel = new CancellationTokenSource();

        var run = pipeline.EmbedPendingAsync(sink, cancel: cancel.Token);
        await sink.FirstBatch.WaitAsync(Patience);
        await cancel.CancelAsync();
        var result = await run.WaitAsync(Patience);

        output.WriteLine($"cancelled after {result.Embedded} embedded; {gauge.Opened} images opened");
        Assert.True(result.Cancelled);
        // A partial first batch may be flushed by the time window while decoding warms up.
        Assert.InRange(result.Embedded, 1, 30 - options.BatchSize);
        var (opened, stored) = (gauge.Opened, await world.Store.Embeddings.CountAsync(pipeline.Space.Id));
        await Task.Delay(300);
        Assert.Equal(opened, gauge.Opened);
        Assert.Equal(stored, await world.Store.Embeddings.CountAsync(pipeline.Space.Id));
        // Stored but not applied: at most the batch the sink was applying and the one written behind it.
        Assert.InRange(stored, result.Embedded, result.Embedded + 2 * options.BatchSize);

        var rest = await pipeline.EmbedPendingAsync(new InMemoryVectorSink()).WaitAsync(Patience);
        Assert.False(rest.Cancelled);
        Assert.Equal(30 - stored, rest.Embedded);
        Assert.Equal(30, await world.Store.Embeddings.CountAsync(pipeline.Space.Id));
    }

    [Fact]
    public async Task A_trickle_of_ids_is_flushed_after_the_batch_window_without_waiting_for_a_full_batch()
    {
        await using var world = await IngestWorld.CreateAsync(products: 3);
        await world.ImportAsync();
        var options = new EmbeddingPipelineOptions { BatchSize = 16, BatchWindow = TimeSpan.FromMilliseconds(100) };
        await using var pipeline = world.Pipeline(fixture, options);
        var sink = new InMemoryVectorSink();
        var feed = Channel.CreateUnbounded<ProductId>();

        var run = pipeline.EmbedProductsAsync(feed.Reader.ReadAllAsync(), sink);
        await feed.Writer.WriteAsync(world.Forge.IdOf(0));
        await feed.Writer.WriteAsync(world.Forge.IdOf(1));
        await WaitUntil(() => sink.Count == 2);
        Assert.False(run.IsCompleted);
        await feed.Writer.WriteAsync(world.Forge.IdOf(2));
        feed.Writer.Complete();
        var result = await run.WaitAsync(Patience);

        Assert.Equal((3L, 3L), (result.Progress.Total, result.Embedded));
        Assert.Equal(3, sink.Count);
    }

    [Fact]
    public async Task A_failing_sink_fails_the_run_with_its_error_after_the_started_work_has_finished()
    {
        await using var world = await IngestWorld.CreateAsync(products: 8);
        await world.ImportAsync();
        await using var pipeline = world.Pipeline(fixture);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            pipeline.EmbedPendingAsync(new FailingSink()).WaitAsync(Patience));

        Assert.Equal(FailingSink.Message, error.Message);
        var stored = await world.Store.Embeddings.CountAsync(pipeline.Space.Id);
        await Task.Delay(300);
        Assert.Equal(stored, await world.Store.Embeddings.CountAsync(pipeline.Space.Id));
    }

    [Fact]
    public async Task Options_out_of_range_are_refused_with_the_setting_named()
    {
        await using var world = await IngestWorld.CreateAsync(products: 1);
        var error = Assert.Throws<Core.DomainException>(() =>
            world.Pipeline(fixture, new EmbeddingPipelineOptions { BatchSize = 0 }));
        Assert.Equal("batchSize", error.Field);
    }

    private float[] DirectEmbedding(string path)
    {
        using var image = new ImageDecoder().Decode(File.ReadAllBytes(path), fixture.Embedder.InputSide);
        return fixture.Embedder.Embed(image.Square(fixture.Embedder.InputSide));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the sink");
            await Task.Delay(20);
        }
    }
}
