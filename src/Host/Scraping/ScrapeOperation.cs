using System.Text.Json;
using Pursearch.Host.Node;
using Pursearch.Indexer;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Embedding;
using Pursearch.Indexer.Scraping;
using Pursearch.SearchNode.Admin;
using Pursearch.SearchNode.Shards;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;

namespace Pursearch.Host.Scraping;

/// <summary>
/// <c>POST /api/v1/admin/scrape</c> <c>{"source": "NAME", "embed": true}</c>: scrapes a registered source into the store,
/// embeds new products and changed images as they are committed, and applies them to the node's shards (building the
/// first generation when none is live). Price and availability changes reach the shards from the change feed.
/// </summary>
public sealed class ScrapeOperation(IStore store, ImageEmbedder embedder, LocalShardHost shards, GenerationBuilder generations)
    : IAdminOperation
{
    public string Name => "scrape";
    public string Description => "Scrape a registered source: store products and images, embed what is new or re-imaged, index it.";

    public async Task<string> RunAsync(JsonElement arguments, OperationProgress progress, CancellationToken cancel)
    {
        var source = arguments.TryGetProperty("source", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()!
            : throw new OperationArgumentException("give the source to scrape: {\"source\": \"NAME\"}");
        if (await ScrapeState.Of(store).Sources.GetAsync(source, cancel) is null)
            throw new OperationArgumentException($"no source '{source}'; register it with 'pursearch source add'");
        var embed = !arguments.TryGetProperty("embed", out var flag) || flag.ValueKind != JsonValueKind.False;
        var system = LocalActorSystem.Create("scrape-operation");
        try
        {
            await using var pipeline = new EmbeddingPipeline(store, embedder, system: system);
            var queue = embed ? new PipelineEmbeddingQueue(pipeline, new ShardCatchUpSink(shards), cancel: cancel) : null;
            var report = new OperationReport(progress);
            var result = await new ScrapeRunner(store, system).RunAsync(source, queue, report, cancel);
            if (embed && shards.LiveGeneration is null && await store.Generations.GetLiveAsync(cancel) is null &&
                await store.Embeddings.CountAsync(embedder.Space.Id, cancel) > 0)
                await generations.BuildAsync(embedder.Space.Id, GenerationBuilder.DefaultShardCount, null, cancel);
            await shards.CatchUpAsync(cancel);
            return ScrapeSummary.Line(result);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>The scrape's progress as the operation's stage, fraction (pages done of pages found) and counter line.</summary>
    private sealed class OperationReport(OperationProgress operation) : IProgress<ScrapeProgress>
    {
        public void Report(ScrapeProgress value) =>
            operation.Report($"scrape {value.RunId}", value.PagesDone / Math.Max(1.0, value.PagesKnown), value.Line());
    }
}
