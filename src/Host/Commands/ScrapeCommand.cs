using System.CommandLine;
using System.Text.Json;
using Pursearch.Core.Scraping;
using Pursearch.Host.Admin;
using Pursearch.Host.Cli;
using Pursearch.Host.Node;
using Pursearch.Host.Scraping;
using Pursearch.Indexer;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Embedding;
using Pursearch.Indexer.Scraping;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;

namespace Pursearch.Host.Commands;

/// <summary>
/// <c>pursearch scrape SOURCE</c>: scrapes a registered source into the store — products, images, embeddings and the index —
/// with a live progress display. Through the running node's admin API (its <c>scrape</c> operation); when no node runs on
/// the data dir, directly on its store (embedding in this process; a node started later catches up from the store).
/// </summary>
public static class ScrapeCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("SOURCE") { Description = "The registered source to scrape (see 'pursearch source list')." };
        var noEmbed = new Option<bool>("--no-embed") { Description = "Store products and images only; embed later." };
        var target = OperatorTarget.CreateOptions();
        var command = new Command("scrape", "Scrape a registered source into the store (products, images, embeddings, index).") { source, noEmbed };
        foreach (var option in target.All)
            command.Options.Add(option);
        command.SetAction(async (parse, cancel) =>
        {
            var at = OperatorTarget.From(parse, target);
            var name = parse.GetValue(source)!;
            return at.Node is { } node
                ? await ThroughNodeAsync(node, name, !parse.GetValue(noEmbed), cancel)
                : await DirectlyAsync(at, name, !parse.GetValue(noEmbed), cancel);
        });
        return command;
    }

    private static async Task<int> ThroughNodeAsync(NodeAddress node, string source, bool embed, CancellationToken cancel)
    {
        using var client = new AdminClient(node);
        var started = await client.StartAsync("scrape", new { source, embed }, cancel);
        var id = started.GetProperty("id").GetString()!;
        await Console.Error.WriteLineAsync($"scrape: {source} running on {node.Url} as {id}");
        var last = "";
        var finished = await client.WaitAsync(id, status =>
        {
            var line = status.GetProperty("message").GetString() ?? status.GetProperty("state").GetString() ?? "";
            if (line != last)
                Console.Error.WriteLine($"scrape: {line}");
            last = line;
        }, cancel);
        var state = finished.GetProperty("state").GetString();
        var outcome = finished.GetProperty(state == "succeeded" ? "result" : "error");
        Console.Out.WriteLine($"scrape {source}: {state}{(outcome.ValueKind == JsonValueKind.String ? ": " + outcome.GetString() : "")}");
        return state == "succeeded" ? 0 : CliApp.Failure;
    }

    private static async Task<int> DirectlyAsync(OperatorTarget at, string source, bool embed, CancellationToken cancel)
    {
        await using var store = await at.OpenStoreAsync(cancel);
        if (await OperatorTarget.StateOf(store).Sources.GetAsync(source, cancel) is null)
            throw new CliException($"no source '{source}'; register it with 'pursearch source add'");
        var system = LocalActorSystem.Create("pursearch-scrape");
        try
        {
            using var embedder = embed ? ImageEmbedder.Create(new EmbedderOptions()) : null;
            await using var pipeline = embedder is null ? null : new EmbeddingPipeline(store, embedder, system: system);
            var queue = pipeline is null ? null : new PipelineEmbeddingQueue(pipeline, new IndexAfterwardsSink(), cancel: cancel);
            var view = new ScrapeProgressView();
            var scrape = new ScrapeRunner(store, system).RunAsync(source, queue, view, cancel);
            await view.ShowWhileAsync(scrape);
            var result = await scrape;
            Console.Out.WriteLine($"scrape {source}: {ScrapeSummary.Line(result)}");
            foreach (var (kind, count) in result.Progress.Counters.Where(c => c.Key.StartsWith(ScrapeCounters.ErrorPrefix, StringComparison.Ordinal)))
                Console.Error.WriteLine($"  {count,6} {kind[ScrapeCounters.ErrorPrefix.Length..]}");
            return result.Status == ScrapeRunStatus.Succeeded ? 0 : CliApp.Failure;
        }
        catch (StoreNotFoundException e)
        {
            throw new CliException(e.Message);
        }
        finally
        {
            await system.Terminate();
        }
    }
}
