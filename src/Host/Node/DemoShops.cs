using Akka.Actor;
using Pursearch.Forge.Sites;
using Pursearch.Host.Cli;
using Pursearch.Indexer.Embedding;
using Pursearch.Indexer.Scraping;
using Pursearch.Indexer.Training;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Storage.Contracts;

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
        var manifestPath = Path.Combine(forgeFolder, TrainingSetLayout.ManifestFile);
        var world = SetManifest.Read(manifestPath) is { Products: { } products } manifest
            ? (manifest.Seed, Products: products)
            : throw new CliException($"{manifestPath} does not describe a generated Forge world (run 'pursearch forge generate')");
        try
        {
            // No Crawl-delay: the shops are this process's own, and the demo should fill quickly.
            return new DemoShops(await ForgeSiteServer.StartAsync(
                new ForgeSiteOptions { Seed = world.Seed, Products = world.Products, BasePort = BasePort, CrawlDelay = null },
                cancel));
        }
        catch (IOException e)
        {
            throw new CliException($"cannot start the demo shops on ports {BasePort}-{BasePort + 3}: {e.Message} " +
                                   "(is another 'up --demo' running?)");
        }
    }

    /// <summary>Scrapes every shop in turn on <paramref name="system"/>, handing new and re-imaged products to
    /// <paramref name="pipeline"/> as they are committed.</summary>
    public async Task<DemoCrawl> CrawlAsync(IStore store, ActorSystem system, EmbeddingPipeline pipeline,
        IProgress<TrainingProgress> progress, CancellationToken cancel)
    {
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
}
