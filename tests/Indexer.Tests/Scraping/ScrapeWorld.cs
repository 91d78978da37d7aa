using Akka.Actor;
using Pursearch.Core.Catalog;
using Pursearch.Forge.Sites;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Crawling.Urls;
using Pursearch.Indexer.Scraping;
using Pursearch.Storage;
using Pursearch.Storage.Contracts;
using Pursearch.Storage.Sqlite;

namespace Pursearch.Indexer.Tests.Scraping;

/// <summary>One quiet actor system for the scraping tests of a class.</summary>
public sealed class ScrapeActors : IDisposable
{
    public ActorSystem System { get; } = LocalActorSystem.Create("scrape-tests");

    public void Dispose() => System.Terminate().Wait(TimeSpan.FromSeconds(10));
}

/// <summary>
/// A Forge world served as shops (a fresh server per test: switches and fault counters are per server) and an empty
/// SQLite store with one source registered per shop. Photos are rendered once for the whole test run.
/// </summary>
public sealed class ScrapeWorld : IAsyncDisposable
{
    public const int Seed = 5;
    public const int Products = 64;
    public static readonly TimeSpan CrawlDelay = TimeSpan.FromMilliseconds(20);
    public const double RequestsPerSecond = 50;

    private static readonly ProductImages Images = new(Forge.World.ForgeWorld.Create(Seed, Products));

    private ScrapeWorld(ForgeSiteServer server, string dataDirectory)
    {
        Server = server;
        DataDirectory = dataDirectory;
    }

    public ForgeSiteServer Server { get; }
    public string DataDirectory { get; }
    public string DatabasePath => Path.Combine(DataDirectory, "catalog.db");
    public SqliteStore Store { get; private set; } = null!;
    public IScrapeStateStore State => Store;

    /// <summary>Options that keep scrapes fast: short backoff and attempt timeout, a breaker that stays closed, a short trap limit.</summary>
    public static ScrapeOptions Options { get; } = new()
    {
        Crawler = new CrawlerOptions
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(500),
            MaxRetries = 2,
            AttemptTimeout = TimeSpan.FromSeconds(1.5),
            TotalTimeout = TimeSpan.FromSeconds(20),
            BreakerMinimumThroughput = 1000,
            Traps = new TrapDetectionOptions { MaxDatedVariantsPerShape = 4 },
        },
        TimeBudget = TimeSpan.FromSeconds(60),
        CommitBatchPages = 8,
        CommitWindow = TimeSpan.FromMilliseconds(100),
        FlushInterval = TimeSpan.FromMilliseconds(200),
    };

    public static async Task<ScrapeWorld> StartAsync(SiteFaults faults = SiteFaults.None, TimeSpan? crawlDelay = null)
    {
        var server = await ForgeSiteServer.StartAsync(new ForgeSiteOptions
        {
            Seed = Seed, Products = Products, CrawlDelay = crawlDelay ?? CrawlDelay, Faults = faults, Images = Images,
            SlowPause = TimeSpan.FromMilliseconds(200),
        });
        var world = new ScrapeWorld(server, Path.Combine(Path.GetTempPath(), "pursearch-scrape-tests", Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(world.DataDirectory);
        await world.OpenStoreAsync();
        foreach (var site in server.Sites)
            await world.State.Sources.AddAsync(SourceFor(site));
        return world;
    }

    public static ScrapeSource SourceFor(ShopSite site) =>
        new(site.Retailer.Slug, site.Retailer.Slug, [site.BaseUri], requestsPerSecond: RequestsPerSecond, maxPages: 2000,
            allowPrivate: true);

    public async Task OpenStoreAsync() =>
        Store = await SqliteStore.OpenAsync(DatabasePath, new StoreOptions(DataDirectory, StoreOptions.DefaultMaxImageBytes));

    /// <summary>Closes the store as a stopped process would, and opens it again.</summary>
    public async Task ReopenStoreAsync()
    {
        await Store.DisposeAsync();
        await OpenStoreAsync();
    }

    /// <summary>Scrapes every shop at once (one run per source), each with its own embedding queue if given.</summary>
    public async Task<IReadOnlyList<ScrapeResult>> ScrapeAllAsync(ActorSystem system, Func<IEmbeddingQueue>? queue = null,
        ScrapeOptions? options = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var runner = new ScrapeRunner(Store, system, options ?? Options);
        return await Task.WhenAll(Server.Sites.Select(site =>
            runner.RunAsync(site.Retailer.Slug, queue?.Invoke(), cancel: timeout.Token)));
    }

    /// <summary>Every product in the store, in id order.</summary>
    public async Task<IReadOnlyList<Product>> StoredProductsAsync()
    {
        var products = new List<Product>();
        ProductId? after = null;
        while (true)
        {
            var page = await Store.Catalog.PageAsync(new Core.Search.SearchFilter(includeUnavailable: true), after, 1000);
            products.AddRange(page.Items);
            if (page.Next is null)
                return products;
            after = page.Next;
        }
    }

    /// <summary>Requests the crawler made (by its user agent), site by site.</summary>
    public IReadOnlyList<LoggedRequest> CrawlerRequests(string site) =>
        Server.Log.Of(site).Where(r => r.UserAgent?.StartsWith(CrawlUserAgent.ProductToken + "/", StringComparison.Ordinal) == true).ToList();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Store.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
