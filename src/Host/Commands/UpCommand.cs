using System.CommandLine;
using System.Diagnostics;
using Pursearch.Host.Cli;
using Pursearch.Host.Node;
using Pursearch.SearchNode.Hosting;
using Pursearch.SearchNode.Shards;
using Pursearch.Storage;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;

namespace Pursearch.Host.Commands;

/// <summary>
/// <c>pursearch up [--demo] [--data DIR] [--http-port 8080] [--store URI] [--prepare-only]</c>: one process serving the
/// search API, the shopper page and the admin API. <c>--demo</c> first prepares the Forge world (generate, serve its shops
/// on ports 8600–8603, crawl them, embed, register the shipped heads or train, index; each step reused when done) and keeps the shops serving;
/// <c>--prepare-only</c> stops after preparing.
/// </summary>
public static class UpCommand
{
    public static Command Create()
    {
        var data = DataDirectory.Option();
        var store = DataDirectory.StoreOption();
        var demo = new Option<bool>("--demo") { Description = "Prepare the Forge demo world first: serve its shops, crawl them, train, index (cached in the data dir)." };
        var prepareOnly = new Option<bool>("--prepare-only") { Description = "With --demo: prepare, then exit without serving." };
        var port = new Option<int>("--http-port") { Description = "HTTP port (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var rate = new Option<int?>("--rate-limit") { Description = "Public API requests per client per minute (default: no limit)." };
        var shards = new Option<int>("--shards") { Description = "Shards of a generation built by --demo.", DefaultValueFactory = _ => GenerationBuilder.DefaultShardCount };
        var threads = TrainCommand.ThreadsOption();
        var command = new Command("up", "Run one node serving the search API, the shopper page (/) and the admin API.")
        {
            data, store, demo, prepareOnly, port, host, rate, shards, threads,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var options = new UpOptions(new DataDirectory(parse.GetValue(data)!), parse.GetValue(store), parse.GetValue(demo),
                parse.GetValue(prepareOnly), parse.GetValue(port), parse.GetValue(host)!, parse.GetValue(rate), parse.GetValue(shards),
                parse.GetValue(threads));
            return await RunAsync(options.Validate(), cancel);
        });
        return command;
    }

    private sealed record UpOptions(DataDirectory Data, string? Store, bool Demo, bool PrepareOnly, int Port, string Host,
        int? RateLimit, int Shards, int Threads)
    {
        public UpOptions Validate()
        {
            if (PrepareOnly && !Demo)
                throw new CliException("--prepare-only needs --demo", CliApp.UsageError);
            if (Port is < 0 or > 65535)
                throw new CliException($"--http-port {Port} is out of range 0..65535", CliApp.UsageError);
            if (!System.Net.IPAddress.TryParse(Host, out _))
                throw new CliException($"--host '{Host}' is not an IP address", CliApp.UsageError);
            if (RateLimit is < 1)
                throw new CliException("--rate-limit must be at least 1", CliApp.UsageError);
            if (Shards is < 1 or > 256)
                throw new CliException($"--shards {Shards} is out of range 1..256", CliApp.UsageError);
            return this;
        }
    }

    private static async Task<int> RunAsync(UpOptions options, CancellationToken cancel)
    {
        Directory.CreateDirectory(options.Data.Root);
        await using var store = await OpenStoreAsync(options);
        using var embedder = ImageEmbedder.Create(new EmbedderOptions
        {
            Inference = new InferenceOptions { IntraOpThreads = options.Threads, InterOpThreads = 1 },
        });
        await using var shops = options.Demo ? await PrepareAsync(options, store, embedder, cancel) : null;
        if (options.PrepareOnly)
            return 0;
        return await ServeAsync(options, store, embedder, shops, cancel);
    }

    private static async Task<IStore> OpenStoreAsync(UpOptions options)
    {
        try
        {
            return await StoreFactory.OpenAsync(options.Data.Store(options.Store), new StoreOptions(options.Data.Root));
        }
        catch (StoreException e)
        {
            throw new CliException(e.Message);
        }
    }

    // The shops keep serving while the node runs, so the product links the crawl stored stay live.
    private static async Task<DemoShops> PrepareAsync(UpOptions options, IStore store, ImageEmbedder embedder,
        CancellationToken cancel)
    {
        DemoShops? shops = null;
        DemoSummary? summary = null;
        try
        {
            await new StageProgressView().RunAsync(async progress =>
            {
                var forge = await ForgeSets.EnsureDefaultAsync(options.Data, progress, cancel);
                shops = await DemoShops.StartAsync(forge, cancel);
                summary = await new DemoPreparation(options.Data, store, embedder, options.Threads, options.Shards)
                    .RunAsync(forge, shops, progress, cancel);
            });
        }
        catch
        {
            if (shops is not null)
                await shops.DisposeAsync();
            throw;
        }
        var s = summary!;
        await Console.Error.WriteLineAsync(
            $"demo: {s.Products} products crawled from {shops!.Urls.Count} shops, {s.Embedded} images embedded now " +
            $"({s.EmbedFailures} skipped), model {s.ModelVersion}{(s.ModelOrigin is { } origin ? $" ({origin})" : "")}, " +
            $"generation {s.Generation}{(s.Built ? " (built now)" : "")}, prepared in {s.Elapsed.TotalSeconds:0.0} s");
        return shops;
    }

    private static async Task<int> ServeAsync(UpOptions options, IStore store, ImageEmbedder embedder, DemoShops? shops,
        CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var settings = new NodeSettings
        {
            DataDirectory = options.Data.Root, HttpPort = options.Port, BindAddress = options.Host, RequestsPerMinute = options.RateLimit,
        };
        await using var node = await StartAsync(NodeLauncher.Build(options.Data, settings, store, embedder), cancel);
        var ready = await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), cancel);
        Console.Out.WriteLine(ready
            ? $"pursearch: serving {node.Url}/ (ready in {clock.Elapsed.TotalSeconds:0.0} s; generation {node.Shards.LiveGeneration!.Id})"
            : $"pursearch: serving {node.Url}/ but NOT READY: no index generation is live in {options.Data.Root} " +
              "(run 'up --demo', or ingest through the admin API)");
        Console.Out.WriteLine($"  API: {node.Url}/scalar · metrics: {node.Url}/metrics · admin token: {new DataLayout(options.Data.Root).AdminTokenFile}");
        if (shops is not null)
            Console.Out.WriteLine($"  demo shops: {string.Join(" ", shops.Urls)}");
        Console.Out.WriteLine("  Ctrl+C stops the node.");
        try
        {
            await node.WaitForShutdownAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the normal way to stop.
        }
        return 0;
    }

    private static async Task<RunningNode> StartAsync(Microsoft.AspNetCore.Builder.WebApplication app, CancellationToken cancel)
    {
        try
        {
            return await RunningNode.StartAsync(app, cancel);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new CliException($"cannot listen: {e.Message} (is another node on that port? see --http-port)");
        }
    }
}
