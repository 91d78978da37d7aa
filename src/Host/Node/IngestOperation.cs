using System.Text.Json;
using Pursearch.Host.Cli;
using Pursearch.Indexer.CatalogImport;
using Pursearch.Indexer.Embedding;
using Pursearch.SearchNode.Admin;
using Pursearch.SearchNode.Shards;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;

namespace Pursearch.Host.Node;

/// <summary><c>POST /api/v1/admin/ingest</c> <c>{"forge": "DIR"}</c>: imports a Forge catalog (default <c>{data}/forge</c>)
/// into the store, embeds what needs a vector, and applies the vectors to the node's shards (building the first
/// generation when none is live).</summary>
public sealed class IngestOperation(DataDirectory data, IStore store, ImageEmbedder embedder, LocalShardHost shards,
    GenerationBuilder generations) : IAdminOperation
{
    public string Name => "ingest";
    public string Description => "Import a Forge catalog, embed new or changed product images, and index them.";

    public async Task<string> RunAsync(JsonElement arguments, OperationProgress progress, CancellationToken cancel)
    {
        var forge = arguments.TryGetProperty("forge", out var dir) && dir.GetString() is { } path ? Path.GetFullPath(path) : data.Forge;
        if (!File.Exists(Path.Combine(forge, "catalog.jsonl")))
            throw new OperationArgumentException($"no catalog.jsonl in {forge}: generate a Forge world there first");
        var stages = StageReports.Into(progress);
        var imported = await new ForgeCatalogImporter(store).ImportAsync(forge, StageReports.Import(stages), cancel);
        EmbeddingRunResult embedded;
        await using (var pipeline = new EmbeddingPipeline(store, embedder))
            embedded = await pipeline.EmbedPendingAsync(new ShardCatchUpSink(shards), StageReports.Embed(stages), cancel);
        var generation = shards.LiveGeneration?.Id;
        if (generation is null && await store.Generations.GetLiveAsync(cancel) is null)
            generation = (await generations.BuildAsync(embedder.Space.Id, GenerationBuilder.DefaultShardCount,
                StageReports.Build(stages, GenerationBuilder.DefaultShardCount), cancel)).Id;
        await shards.CatchUpAsync(cancel);
        return $"{imported.Total} products read ({imported.Created} new, {imported.Failed} failed), {embedded.Embedded} images embedded " +
               $"({embedded.Failed} skipped), serving generation {shards.LiveGeneration?.Id ?? generation}";
    }
}
