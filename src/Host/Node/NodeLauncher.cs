using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pursearch.Host.Cli;
using Pursearch.SearchNode.Admin;
using Pursearch.SearchNode.Hosting;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;

namespace Pursearch.Host.Node;

/// <summary>Composes the one-machine node of <c>up</c>: the search node with the indexer's admin operations (ingest,
/// train) beside its own (reindex).</summary>
public static class NodeLauncher
{
    public static WebApplication Build(DataDirectory data, NodeSettings settings, IStore store, ImageEmbedder embedder) =>
        SearchNodeApp.Build(settings, store, embedder, services => services
            .AddSingleton(data)
            .AddSingleton<IAdminOperation, IngestOperation>()
            .AddSingleton<IAdminOperation, TrainOperation>()
            .AddSingleton<IAdminOperation, Scraping.ScrapeOperation>());
}
