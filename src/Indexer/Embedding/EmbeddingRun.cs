using System.Runtime.ExceptionServices;
using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pursearch.Core.Catalog;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;

namespace Pursearch.Indexer.Embedding;

/// <summary>
/// One run of the embedding graph over a stream of products: load + decode (parallel, on decode threads) → batch
/// (size or time window) → embed (on embedding threads) → store the vectors (one transaction per batch) → apply to the
/// sink. Every stage back-pressures the one before it, so the number of products in flight stays under
/// <see cref="EmbeddingPipelineOptions.InFlightBound"/>. Cancelling aborts the stream; the run then waits for the work
/// already started, so when it returns nothing of it is still running.
/// </summary>
internal sealed class EmbeddingRun(
    ActorSystem system, IStore store, ImageEmbedder embedder, ProductImageLoader loader, EmbeddingPipelineOptions options,
    IVectorSink sink, RunTracker tracker)
{
    private readonly InFlightTasks _inFlight = new();
    private readonly string _spaceId = embedder.Space.Id;

    /// <summary>Registers a task a stage started (including stages of the product source) so the run waits for it.</summary>
    public Task<T> Track<T>(Task<T> task) => _inFlight.Track(task);

    public async Task<EmbeddingRunResult> RunAsync(Source<Product, NotUsed> products, CancellationToken cancel)
    {
        var killSwitch = KillSwitches.Shared("embedding-run");
        var cancelled = false;
        using (var decodeThreads = new WorkerThreads(options.DecodeParallelism, "embed-decode"))
        using (var embedThreads = new WorkerThreads(options.EmbedParallelism, "embed-infer"))
        using (var materializer = system.Materializer(namePrefix: "embedding"))
        await using (cancel.Register(() => killSwitch.Abort(new OperationCanceledException(cancel))))
        {
            try
            {
                await Graph(products, decodeThreads, embedThreads, cancel)
                    .Via(killSwitch.Flow<int>())
                    .RunWith(Sink.Ignore<int>(), materializer);
            }
            catch (Exception) when (cancel.IsCancellationRequested)
            {
                cancelled = true;
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                // A stage's faulted task reaches the stream wrapped; callers should see what actually failed.
                ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
            finally
            {
                await _inFlight.DrainAsync();
            }
        }
        return tracker.Finish(_spaceId, cancelled);
    }

    // Emits the size of each batch applied to the sink.
    private Source<int, NotUsed> Graph(Source<Product, NotUsed> products, WorkerThreads decodeThreads,
        WorkerThreads embedThreads, CancellationToken cancel) =>
        products
            .SelectAsync(options.DecodeParallelism, product => _inFlight.Track(loader.LoadAsync(product, decodeThreads, cancel)))
            .Where(Usable)
            .GroupedWithin(options.BatchSize, options.BatchWindow)
            .SelectAsync(options.EmbedParallelism, batch => _inFlight.Track(EmbedAsync([.. batch], embedThreads, cancel)))
            .SelectAsync(1, batch => _inFlight.Track(StoreAsync(batch, cancel)))
            .SelectAsync(1, batch => _inFlight.Track(ApplyAsync(batch, cancel)));

    private bool Usable(PreparedImage image)
    {
        if (image.Failure is { } failure)
            tracker.Failed(failure);
        return image.Failure is null;
    }

    private async Task<IReadOnlyList<EmbeddedProduct>> EmbedAsync(IReadOnlyList<PreparedImage> batch, WorkerThreads embedThreads,
        CancellationToken cancel)
    {
        var vectors = await embedThreads.RunAsync(() => embedder.Embed([.. batch.Select(image => image.Pixels!)]), cancel);
        return [.. batch.Select((image, i) => new EmbeddedProduct(image.Product, _spaceId, vectors[i]))];
    }

    private async Task<IReadOnlyList<EmbeddedProduct>> StoreAsync(IReadOnlyList<EmbeddedProduct> batch, CancellationToken cancel)
    {
        await store.Embeddings.PutManyAsync(
            [.. batch.Select(item => new EmbeddingWrite(item.Product.Id, _spaceId, item.Vector, item.Product.ImageSha256!))],
            cancel);
        return batch;
    }

    private async Task<int> ApplyAsync(IReadOnlyList<EmbeddedProduct> batch, CancellationToken cancel)
    {
        await sink.ApplyAsync(batch, cancel);
        tracker.Embedded(batch.Count);
        return batch.Count;
    }
}
