using System.Runtime.CompilerServices;
using Akka;
using Akka.Actor;
using Akka.Streams.Dsl;
using Akka.Util;
using Pursearch.Core.Catalog;
using Pursearch.Core.Versions;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Embedding;

/// <summary>
/// Embeds catalog product images into the embedder's space and hands the vectors to an index: the one embedding path
/// used by <c>up --demo</c>, <c>scrape</c> and the cluster. The store decides what needs work (no vector in the space,
/// or one made from another image), so every run is resumable: a re-run embeds only what is still missing. Bad images
/// are recorded in the result and skipped. An Akka.Streams graph on a local <see cref="ActorSystem"/>, passed in or
/// owned (then terminated by <see cref="DisposeAsync"/>). Runs may overlap but should cover different products.
/// </summary>
public sealed class EmbeddingPipeline : IAsyncDisposable
{
    private const int CountPageSize = 10_000;
    private const int LookupParallelism = 4;

    private readonly IStore _store;
    private readonly ImageEmbedder _embedder;
    private readonly ActorSystem _system;
    private readonly bool _ownsSystem;
    private readonly ProductImageLoader _loader;

    public EmbeddingPipeline(IStore store, ImageEmbedder embedder, EmbeddingPipelineOptions? options = null,
        ActorSystem? system = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        Options = (options ?? new EmbeddingPipelineOptions()).Validate();
        _ownsSystem = system is null;
        _system = system ?? LocalActorSystem.Create();
        _loader = new ProductImageLoader(store.Images, new ImageDecoder(Options.DecodeLimits), embedder.InputSide);
    }

    public EmbeddingPipelineOptions Options { get; }

    public EmbeddingSpace Space => _embedder.Space;

    /// <summary>How many products currently need a vector in <see cref="Space"/> (registering the space if new).</summary>
    public async Task<long> CountPendingAsync(CancellationToken cancel = default)
    {
        await _store.Spaces.RegisterAsync(Space, cancel);
        long count = 0;
        ProductId? after = null;
        while (true)
        {
            var page = await _store.Embeddings.ListNeedingAsync(Space.Id, after, CountPageSize, cancel);
            count += page.Count;
            if (page.Count < CountPageSize)
                return count;
            after = page[^1].Id;
        }
    }

    /// <summary>Embeds every product that needs a vector in <see cref="Space"/>, listing them from the store page by page.</summary>
    public async Task<EmbeddingRunResult> EmbedPendingAsync(IVectorSink sink, IProgress<EmbeddingProgress>? progress = null,
        CancellationToken cancel = default)
    {
        var tracker = new RunTracker(progress, Options.MaxFailuresKept);
        try
        {
            tracker.AddToTotal(await CountPendingAsync(cancel));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return tracker.Finish(Space.Id, cancelled: true);
        }
        var run = Run(sink, tracker);
        return await run.RunAsync(PendingProducts(run, cancel), cancel);
    }

    /// <summary>
    /// Embeds the listed products (e.g. those a scrape found new or with a changed image). Ids not in the catalog or
    /// without a stored image are recorded as failures; products whose vector already matches their image are counted
    /// as <see cref="EmbeddingProgress.AlreadyCurrent"/> and not embedded again.
    /// </summary>
    public Task<EmbeddingRunResult> EmbedProductsAsync(IEnumerable<ProductId> ids, IVectorSink sink,
        IProgress<EmbeddingProgress>? progress = null, CancellationToken cancel = default)
    {
        var distinct = ids.Distinct().ToList();
        var tracker = new RunTracker(progress, Options.MaxFailuresKept);
        tracker.AddToTotal(distinct.Count);
        return RunListedAsync(Source.From(distinct), sink, tracker, cancel);
    }

    /// <summary>
    /// Embeds products as their ids arrive (a live feed, e.g. from a crawl); a partial batch is flushed after
    /// <see cref="EmbeddingPipelineOptions.BatchWindow"/>. The run ends when the feed ends or on cancellation.
    /// </summary>
    public Task<EmbeddingRunResult> EmbedProductsAsync(IAsyncEnumerable<ProductId> ids, IVectorSink sink,
        IProgress<EmbeddingProgress>? progress = null, CancellationToken cancel = default)
    {
        var tracker = new RunTracker(progress, Options.MaxFailuresKept);
        var feed = Source.From(() => Counted(ids, tracker, cancel));
        return RunListedAsync(feed, sink, tracker, cancel);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsSystem)
            await _system.Terminate();
    }

    private async Task<EmbeddingRunResult> RunListedAsync(Source<ProductId, NotUsed> ids, IVectorSink sink, RunTracker tracker,
        CancellationToken cancel)
    {
        try
        {
            await _store.Spaces.RegisterAsync(Space, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return tracker.Finish(Space.Id, cancelled: true);
        }
        var run = Run(sink, tracker);
        var products = ids
            .SelectAsync(LookupParallelism, id => run.Track(LookUpAsync(id, tracker, cancel)))
            .SelectMany(found => found);
        return await run.RunAsync(products, cancel);
    }

    private EmbeddingRun Run(IVectorSink sink, RunTracker tracker) =>
        new(_system, _store, _embedder, _loader, Options, sink ?? throw new ArgumentNullException(nameof(sink)), tracker);

    // Keyset paging: products that fail stay "needing" but the cursor moves past them, so a run never loops.
    private Source<Product, NotUsed> PendingProducts(EmbeddingRun run, CancellationToken cancel) =>
        Source.UnfoldAsync<ListingCursor, IReadOnlyList<Product>>(new ListingCursor(null, false), async cursor =>
            {
                if (cursor.Exhausted)
                    return Option<(ListingCursor, IReadOnlyList<Product>)>.None;
                var page = await run.Track(_store.Embeddings.ListNeedingAsync(Space.Id, cursor.After, Options.PageSize, cancel));
                if (page.Count == 0)
                    return Option<(ListingCursor, IReadOnlyList<Product>)>.None;
                var next = new ListingCursor(page[^1].Id, page.Count < Options.PageSize);
                return Option<(ListingCursor, IReadOnlyList<Product>)>.Create((next, page));
            })
            .SelectMany(page => page);

    private async Task<Product[]> LookUpAsync(ProductId id, RunTracker tracker, CancellationToken cancel)
    {
        var product = await _store.Catalog.GetAsync(id, cancel);
        if (product is null)
        {
            tracker.Failed(new EmbeddingFailure(id, EmbeddingFailureKind.ProductNotFound, "not in the catalog"));
            return [];
        }
        if (product.ImageSha256 is not { } sha)
        {
            tracker.Failed(new EmbeddingFailure(id, EmbeddingFailureKind.NoImage, "no image has been stored for it yet"));
            return [];
        }
        if ((await _store.Embeddings.GetAsync(id, Space.Id, cancel))?.ImageSha256 == sha)
        {
            tracker.AlreadyCurrent();
            return [];
        }
        return [product];
    }

    private static async IAsyncEnumerable<ProductId> Counted(IAsyncEnumerable<ProductId> ids, RunTracker tracker,
        [EnumeratorCancellation] CancellationToken cancel)
    {
        await foreach (var id in ids.WithCancellation(cancel))
        {
            tracker.AddToTotal(1);
            yield return id;
        }
    }

    private readonly record struct ListingCursor(ProductId? After, bool Exhausted);
}
