using Microsoft.Extensions.Logging.Abstractions;
using Pursearch.Core.Money;
using Pursearch.Host.Cli;
using Pursearch.Host.Commands;
using Pursearch.Indexer.CatalogImport;
using Pursearch.Indexer.Embedding;
using Pursearch.Indexer.Training;
using Pursearch.SearchNode.Hosting;
using Pursearch.SearchNode.Shards;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;

namespace Pursearch.Host.Node;

/// <summary>What preparing the demo did: products imported, images embedded, and the live model and generation.</summary>
public sealed record DemoSummary(int Products, long Embedded, long EmbedFailures, string ModelVersion, bool Trained,
    string Generation, bool Built, TimeSpan Elapsed);

/// <summary>
/// <c>up --demo</c>'s preparation, each step skipped when its result is already there (so a second start is quick):
/// generate the Forge world into <c>{data}/forge</c>, import its catalog and product shots into the store, embed what
/// has no vector yet, train the heads when no model is live, and build generation g1 when none is live.
/// </summary>
public sealed class DemoPreparation(DataDirectory data, IStore store, ImageEmbedder embedder, int threads, int shards)
{
    public async Task<DemoSummary> RunAsync(IProgress<TrainingProgress> progress, CancellationToken cancel)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var forge = await ForgeSets.EnsureDefaultAsync(data, progress, cancel);
        var imported = await new ForgeCatalogImporter(store).ImportAsync(forge, StageReports.Import(progress), cancel);
        if (imported.Failed > 0 && imported.Created + imported.Unchanged + imported.Changed + imported.PriceChanged + imported.ImageChanged == 0)
            throw new CliException($"the Forge catalog in {forge} could not be imported: {imported.Failures[0].Message}");
        EmbeddingRunResult embedded;
        await using (var pipeline = new EmbeddingPipeline(store, embedder))
            embedded = await pipeline.EmbedPendingAsync(new IndexAfterwardsSink(), StageReports.Embed(progress), cancel);
        cancel.ThrowIfCancellationRequested();
        var model = await store.Models.GetLiveAsync(cancel);
        var trained = model is null;
        model ??= (await HeadTraining.RunAsync(data, store, forge, threads, progress, cancel)).Model;
        var generation = await store.Generations.GetLiveAsync(cancel);
        var built = generation is null;
        if (generation is null)
        {
            var loader = new ShardLoader(store, new DataLayout(data.Root), ExchangeRates.Default, NullLogger<ShardLoader>.Instance);
            generation = await new GenerationBuilder(store, loader).BuildAsync(embedder.Space.Id, shards,
                StageReports.Build(progress, shards), cancel);
        }
        return new DemoSummary(imported.Total, embedded.Embedded, embedded.Failed, model.Id, trained, generation.Id, built, clock.Elapsed);
    }
}
