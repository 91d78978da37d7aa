using Microsoft.Extensions.Logging.Abstractions;
using Pursearch.Core.Money;
using Pursearch.Host.Cli;
using Pursearch.Host.Commands;
using Pursearch.Indexer;
using Pursearch.Indexer.Embedding;
using Pursearch.Indexer.Training;
using Pursearch.SearchNode.Hosting;
using Pursearch.SearchNode.Shards;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;

namespace Pursearch.Host.Node;

/// <summary>What preparing the demo did: products crawled, images embedded, and the live model and generation.</summary>
public sealed record DemoSummary(int Products, long Embedded, long EmbedFailures, string ModelVersion, string? ModelOrigin,
    string Generation, bool Built, TimeSpan Elapsed);

/// <summary>
/// <c>up --demo</c>'s preparation once the Forge world is in <c>{data}/forge</c> and its shops serve: crawl the shops into
/// the store (embedding as it goes; a later start re-crawls incrementally), embed anything still without a vector,
/// register the shipped heads (or train, for a world they do not fit) when no model is live, and build generation g1
/// when none is live.
/// </summary>
public sealed class DemoPreparation(DataDirectory data, IStore store, ImageEmbedder embedder, int threads, int shards)
{
    public async Task<DemoSummary> RunAsync(string forge, DemoShops shops, IProgress<TrainingProgress> progress,
        CancellationToken cancel)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (crawled, leftover) = await CrawlAndEmbedAsync(shops, progress, cancel);
        cancel.ThrowIfCancellationRequested();
        var model = await store.Models.GetLiveAsync(cancel);
        string? origin = null;
        if (model is null)
        {
            var shipped = ShippedModel.Fits(forge);
            origin = shipped ? "shipped heads registered" : "trained now";
            model = shipped
                ? (await ShippedModel.PublishAsync(data.Root, store, cancel)).Model
                : (await HeadTraining.RunAsync(data, store, forge, threads, new TrainingOptions(), progress, cancel)).Model;
        }
        var generation = await store.Generations.GetLiveAsync(cancel);
        var built = generation is null;
        if (generation is null)
        {
            var loader = new ShardLoader(store, new DataLayout(data.Root), ExchangeRates.Default, NullLogger<ShardLoader>.Instance);
            generation = await new GenerationBuilder(store, loader).BuildAsync(embedder.Space.Id, shards,
                StageReports.Build(progress, shards), cancel);
        }
        return new DemoSummary((int)crawled.Products, crawled.Embedded + leftover.Embedded,
            crawled.EmbedFailures + leftover.Failed, model.Id, origin, generation.Id, built, clock.Elapsed);
    }

    // One actor system and one embedding pipeline: the crawl feeds it, then it embeds whatever still has no vector
    // (products of an interrupted earlier start).
    private async Task<(DemoCrawl Crawled, EmbeddingRunResult Leftover)> CrawlAndEmbedAsync(DemoShops shops,
        IProgress<TrainingProgress> progress, CancellationToken cancel)
    {
        var system = LocalActorSystem.Create("demo");
        try
        {
            await using var pipeline = new EmbeddingPipeline(store, embedder, system: system);
            var crawled = await shops.CrawlAsync(store, system, pipeline, progress, cancel);
            if (crawled.Products == 0)
                throw new CliException($"crawling the demo shops ({string.Join(", ", shops.Urls)}) found no products");
            var leftover = await pipeline.EmbedPendingAsync(new IndexAfterwardsSink(), StageReports.Embed(progress), cancel);
            return (crawled, leftover);
        }
        finally
        {
            await system.Terminate();
        }
    }
}
