using System.Text.Json;
using Pursearch.Forge.Sites;
using Pursearch.Host.Cli;
using Pursearch.Indexer;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Embedding;
using Pursearch.Indexer.Scraping;
using Pursearch.Indexer.Training;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;

namespace Pursearch.Host.Node;

/// <summary>What crawling the demo shops did: products seen on their pages, and images embedded.</summary>
public sealed record DemoCrawl(long Products, long Embedded, long EmbedFailures);

/// <summary>
/// The demo's retailers: the Forge world of <c>{data}/forge</c> served as shop sites on fixed local ports (so the
/// product links stored by one start still work at the next), registered as scrape sources and crawled into the store
/// like any retailer, embedding new products and changed images as they are committed. A later start re-crawls
/// incrementally (conditional GETs, 304s, nothing re-embedded). The shops serve until disposed.
/// </summary>
public sealed class DemoShops : IAsyncDisposable
{
    public const int BasePort = 8600;
    private const string SourcePrefix = "demo-";

    private readonly ForgeSiteServer _server;

    private DemoShops(ForgeSiteServer server) => _server = server;

    public IReadOnlyList<Uri> Urls => [.. _server.Sites.Select(s => s.BaseUri)];

    public static async Task<DemoShops> StartAsync(string forgeFolder, CancellationToken cancel)
    {
        var (seed, products) = ReadWorld(forgeFolder);
        try
        {
            // No Crawl-delay: the shops are this process's own, and the demo should fill quickly.
            return new DemoShops(await ForgeSiteServer.StartAsync(
                new ForgeSiteOptions { Seed = seed, Products = products, BasePort = BasePort, CrawlDelay = null }, cancel));
        }
        catch (IOException e)
        {
            throw new CliException($"cannot start the demo shops on ports {BasePort}-{BasePort + 3}: {e.Message} " +
                                   "(is another 'up --demo' running?)");
        }
    }

    public async Task<DemoCrawl> CrawlAsync(IStore store, ImageEmbedder embedder, IProgress<TrainingProgress> progress,
        CancellationToken cancel)
    {
        var system = LocalActorSystem.Create("demo-crawl");
        try
        {
            await using var pipeline = new EmbeddingPipeline(store, embedder, system: system);
            var runner = new ScrapeRunner(store, system);
            var total = new DemoCrawl(0, 0, 0);
            foreach (var site in _server.Sites)
            {
                var source = await RegisterAsync(store, site, cancel);
                var queue = new PipelineEmbeddingQueue(pipeline, new IndexAfterwardsSink(), cancel: cancel);
                var result = await runner.RunAsync(source, queue, StageReports.Scrape(progress, site.Retailer.Name), cancel);
                total = new DemoCrawl(total.Products + ProductsSeen(result), total.Embedded + (result.Embedding?.Embedded ?? 0),
                    total.EmbedFailures + (result.Embedding?.Failed ?? 0));
            }
            return total;
        }
        finally
        {
            await system.Terminate();
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    // Registered once; a source left by an older world or port layout is replaced.
    private static async Task<ScrapeSource> RegisterAsync(IStore store, ShopSite site, CancellationToken cancel)
    {
        var sources = ScrapeState.Of(store).Sources;
        var wanted = new ScrapeSource(SourcePrefix + site.Retailer.Slug, site.Retailer.Slug, [site.BaseUri],
            requestsPerSecond: 500, maxPages: 20_000, allowPrivate: true);
        var existing = await sources.GetAsync(wanted.Name, cancel);
        if (existing is not null && existing.StartUrls.SequenceEqual(wanted.StartUrls))
            return existing;
        if (existing is not null)
            await sources.RemoveAsync(wanted.Name, cancel);
        await sources.AddAsync(wanted, cancel);
        return wanted;
    }

    private static long ProductsSeen(ScrapeResult result) =>
        new[]
        {
            ScrapeCounters.ProductsNew, ScrapeCounters.ProductsChanged, ScrapeCounters.ProductsPriceChanged,
            ScrapeCounters.ProductsImageChanged, ScrapeCounters.ProductsUnchanged, ScrapeCounters.ProductsNotModified,
        }.Sum(result.Counter);

    private static (int Seed, int Products) ReadWorld(string forgeFolder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(forgeFolder, "forge.json")));
        var root = manifest.RootElement;
        return (root.GetProperty("seed").GetInt32(), root.GetProperty("products").GetInt32());
    }
}
