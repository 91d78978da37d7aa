using Pursearch.Core.Catalog;
using Pursearch.Forge.World;

namespace Pursearch.Forge.Sites;

/// <summary>
/// The Forge world served as retailer web sites, one shop per retailer on its own port, each marked up its own way
/// (see <see cref="ShopLayout"/>). In-process API for tests, <c>forge serve</c> and <c>up --demo</c>: start (port 0 for
/// free ports), read each shop's base URL, flip switches on <see cref="Catalog"/>, read <see cref="Log"/>, stop.
/// </summary>
public sealed class ForgeSiteServer : IAsyncDisposable
{
    private readonly List<ShopSite> _sites;

    private ForgeSiteServer(ForgeWorld world, ShopCatalog catalog, ProductImages images, RequestLog log, List<ShopSite> sites)
    {
        World = world;
        Catalog = catalog;
        Images = images;
        Log = log;
        _sites = sites;
    }

    public ForgeWorld World { get; }

    /// <summary>What the shops offer now; its switches change prices, photos, stock and listings.</summary>
    public ShopCatalog Catalog { get; }

    public ProductImages Images { get; }
    public RequestLog Log { get; }
    public IReadOnlyList<ShopSite> Sites => _sites;

    public ShopSite Site(string retailerSlug) =>
        _sites.FirstOrDefault(s => s.Retailer.Slug == retailerSlug)
        ?? throw new KeyNotFoundException($"no Forge shop '{retailerSlug}'; shops: {string.Join(", ", _sites.Select(s => s.Retailer.Slug))}");

    /// <summary>The absolute URL a shop serves a product's current photo at (what a crawler should extract).</summary>
    public Uri ImageUrlOf(ShopItem item) => Site(item.Retailer.Slug).Url(item.ImagePath);

    public Uri PageUrlOf(ShopItem item) => Site(item.Retailer.Slug).Url(item.PagePath);

    public ShopItem? Find(ProductId id) =>
        World.TryGetProduct(id, out var product) ? Catalog.Find(product.Retailer, product.Sku) : null;

    /// <summary>Waits until <paramref name="cancel"/> fires or any shop's host begins to stop (SIGTERM).</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancel)
    {
        using var any = CancellationTokenSource.CreateLinkedTokenSource([cancel, .. _sites.Select(s => s.Stopping)]);
        try
        {
            await Task.Delay(Timeout.Infinite, any.Token);
        }
        catch (OperationCanceledException)
        {
            // Either way the server is asked to stop.
        }
    }

    /// <exception cref="IOException">A port could not be bound (e.g. in use).</exception>
    public static async Task<ForgeSiteServer> StartAsync(ForgeSiteOptions options, CancellationToken cancel = default)
    {
        options.Validate();
        var world = ForgeWorld.Create(options.Seed, options.Products);
        var images = options.Images is { } shared && shared.Serves(world) ? shared : new ProductImages(world);
        var catalog = new ShopCatalog(world);
        var log = new RequestLog(options.RequestLogFile);
        var sites = new List<ShopSite>();
        try
        {
            for (var i = 0; i < world.Retailers.Count; i++)
            {
                var retailer = world.Retailers[i];
                var handler = new ShopRequestHandler(retailer, catalog, images, new FaultPlan(options.Faults, catalog.All(retailer)), options);
                sites.Add(await ShopSite.StartAsync(handler, options, options.BasePort == 0 ? 0 : options.BasePort + i, log, cancel));
            }
        }
        catch
        {
            foreach (var site in sites)
                await site.DisposeAsync();
            log.Dispose();
            throw;
        }
        return new ForgeSiteServer(world, catalog, images, log, sites);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var site in _sites)
            await site.DisposeAsync();
        Log.Dispose();
    }
}
