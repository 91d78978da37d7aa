using System.Security.Cryptography;
using Pursearch.Core.Catalog;
using Pursearch.Core.Scraping;
using Pursearch.Forge.Rendering;
using Pursearch.Forge.Sites;
using Pursearch.Forge.Sites.Markup;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Scraping;
using Pursearch.Indexer.Tests.Crawling;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.Tests.Scraping;

[Collection(ArrivalPacingCollection.Name)]
public sealed class ScrapeTests(ScrapeActors actors) : IClassFixture<ScrapeActors>
{
    [Fact]
    public async Task Scraping_the_forge_shops_stores_every_product_with_exact_fields_and_its_image()
    {
        await using var world = await ScrapeWorld.StartAsync();

        var results = await world.ScrapeAllAsync(actors.System);

        Assert.All(results, r => Assert.Equal(ScrapeRunStatus.Succeeded, r.Status));
        Assert.All(results, r => Assert.Equal(CrawlStopReason.Completed, r.StopReason));
        var listed = world.Server.Catalog.Listed();
        var stored = (await world.StoredProductsAsync()).ToDictionary(p => p.Id);
        Assert.Equal(listed.Count, stored.Count);
        foreach (var item in listed)
        {
            var product = stored[item.Id];
            AssertSameAsShop(world.Server, item, product);
            var jpeg = ProductShotRenderer.RenderJpeg(world.Server.World, item.Product);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(jpeg)), product.ImageSha256);
        }
        Assert.Equal(listed.Count, results.Sum(r => r.Counter(ScrapeCounters.ProductsNew)));
        Assert.Equal(listed.Count, results.Sum(r => r.Counter(ScrapeCounters.ImagesStored)));
        Assert.Equal(Sorted(listed.Select(i => i.Id)), Sorted(results.SelectMany(r => r.QueuedForEmbedding)));
        Assert.All(results, r => Assert.Equal(0, r.Progress.Errors));
        foreach (var result in results)
            await AssertRecordedAsync(world, result);
    }

    [Fact]
    public async Task A_second_scrape_with_nothing_changed_gets_304s_and_fetches_and_queues_no_image()
    {
        await using var world = await ScrapeWorld.StartAsync();
        await world.ScrapeAllAsync(actors.System);
        var sequence = await world.Store.Changes.CurrentSequenceAsync();
        var before = world.Server.Log.Entries.Count;

        var again = await world.ScrapeAllAsync(actors.System);

        var listed = world.Server.Catalog.Listed().Count;
        Assert.Equal(listed, again.Sum(r => r.Progress.Crawl.NotModified));
        Assert.Equal(listed, again.Sum(r => r.Counter(ScrapeCounters.ProductsNotModified)));
        Assert.All(again, r => Assert.Empty(r.QueuedForEmbedding));
        Assert.All(again, r => Assert.Equal(0, r.Counter(ScrapeCounters.ImagesFetched) + r.Counter(ScrapeCounters.ProductsNew)));
        var secondRun = world.Server.Log.Entries.Skip(before).ToList();
        Assert.DoesNotContain(secondRun, r => r.Path.StartsWith("/img/", StringComparison.Ordinal));
        Assert.Equal(listed, secondRun.Count(r => r.Path.StartsWith("/p/", StringComparison.Ordinal) && r.Status == 304));
        Assert.DoesNotContain(await world.Store.Changes.ChangesSinceAsync(sequence, 1000), c => c.Kind == ChangeKind.Product);
        Assert.All(await world.StoredProductsAsync(), p => Assert.True(p.LastSeen > p.FirstSeen));
    }

    [Fact]
    public async Task Price_changes_update_the_store_without_embedding_and_exactly_the_reimaged_products_are_queued()
    {
        await using var world = await ScrapeWorld.StartAsync();
        await world.ScrapeAllAsync(actors.System);
        var oldSha = (await world.StoredProductsAsync()).ToDictionary(p => p.Id, p => p.ImageSha256);
        var sequence = await world.Store.Changes.CurrentSequenceAsync();

        var repriced = world.Server.Catalog.Change(CatalogChange.Price, 0.05);
        var reimaged = world.Server.Catalog.Change(CatalogChange.Image, 0.05);
        var restocked = world.Server.Catalog.Change(CatalogChange.Stock, 0.03);
        var again = await world.ScrapeAllAsync(actors.System);

        Assert.Equal((int)Math.Round(ScrapeWorld.Products * 0.05, MidpointRounding.AwayFromZero), repriced.Count);
        Assert.Equal(Sorted(reimaged), Sorted(again.SelectMany(r => r.QueuedForEmbedding)));
        Assert.Equal(repriced.Count + restocked.Count, again.Sum(r => r.Counter(ScrapeCounters.ProductsPriceChanged)));
        Assert.Equal(reimaged.Count, again.Sum(r => r.Counter(ScrapeCounters.ProductsImageChanged)));
        Assert.Equal(reimaged.Count, again.Sum(r => r.Counter(ScrapeCounters.ImagesFetched)));
        var stored = (await world.StoredProductsAsync()).ToDictionary(p => p.Id);
        foreach (var id in repriced.Concat(restocked).Concat(reimaged))
            AssertSameAsShop(world.Server, world.Server.Find(id)!, stored[id]);
        Assert.All(repriced.Concat(restocked), id => Assert.Equal(oldSha[id], stored[id].ImageSha256));
        Assert.All(reimaged, id => Assert.NotEqual(oldSha[id], stored[id].ImageSha256));
        var changed = (await world.Store.Changes.ChangesSinceAsync(sequence, 1000))
            .Where(c => c.Kind == ChangeKind.Product).Select(c => ProductId.Parse(c.Key)).ToHashSet();
        Assert.Equal(repriced.Concat(reimaged).Concat(restocked).ToHashSet(), changed);
    }

    [Fact]
    public async Task The_request_log_shows_no_disallowed_path_and_no_shop_fetched_faster_than_its_crawl_delay()
    {
        await using var world = await ScrapeWorld.StartAsync(crawlDelay: TimeSpan.FromMilliseconds(40));

        await world.ScrapeAllAsync(actors.System);

        foreach (var site in world.Server.Sites)
        {
            var requests = world.CrawlerRequests(site.Retailer.Slug);
            Assert.Equal("/robots.txt", requests[0].Path);
            Assert.Single(requests, r => r.Path == "/robots.txt");
            Assert.DoesNotContain(requests, r => IsDisallowed(r.Path));
            Assert.Contains(requests, r => r.Path == "/account/help");
            Assert.Contains(requests, r => r.Path.StartsWith("/img/", StringComparison.Ordinal));
            AssertNoFasterThan(requests, TimeSpan.FromMilliseconds(40));
        }
    }

    [Fact]
    public async Task Products_gone_from_a_shop_are_marked_unavailable_not_deleted()
    {
        await using var world = await ScrapeWorld.StartAsync();
        await world.ScrapeAllAsync(actors.System);

        var delisted = world.Server.Catalog.Change(CatalogChange.Delist, 0.05);
        var again = await world.ScrapeAllAsync(actors.System);

        Assert.All(again, r => Assert.True(r.Sweep.Done, r.Sweep.SkippedBecause));
        Assert.Equal(delisted.Count, again.Sum(r => r.Sweep.MarkedUnavailable));
        var stored = (await world.StoredProductsAsync()).ToDictionary(p => p.Id);
        Assert.Equal(ScrapeWorld.Products, stored.Count);
        Assert.All(delisted, id => Assert.Equal(Availability.Discontinued, stored[id].Availability));
        Assert.Equal(delisted.Count, stored.Values.Count(p => p.Availability == Availability.Discontinued));
    }

    /// <summary>The run record holds the run's counters, and every product page its validators beside its one product.</summary>
    private static async Task AssertRecordedAsync(ScrapeWorld world, ScrapeResult result)
    {
        var shop = world.Server.Site(result.Progress.Source);
        var run = (await world.Store.ScrapeRuns.GetAsync(result.RunId))!;
        Assert.Equal(ScrapeRunStatus.Succeeded, run.Status);
        Assert.NotNull(run.FinishedAt);
        var products = world.Server.Catalog.Listed(shop.Retailer).Count;
        Assert.Equal(products, run.Counter(ScrapeCounters.ProductsNew));
        Assert.Equal(products, run.Counter(ScrapeCounters.ImagesFetched));
        Assert.Equal(products, run.Counter("products.extracted"));
        Assert.Equal(result.Progress.Crawl.PagesFetched, run.Counter("pages.fetched"));
        Assert.Equal(3, run.Counter("sitemaps.fetched"));
        Assert.Equal(0, run.Counter(IScrapeRunLog.ErrorsCounter));
        Assert.True(run.Counter(ScrapeCounters.PagesDisallowed) >= 4, "links to the cart, account, search and sorted listings");
        var pages = await world.State.Pages.ListAsync(shop.Retailer.Slug);
        Assert.Equal(products, pages.Count(p => p.Products.Count == 1 && p.ETag is not null && p.LastModified is not null));
    }

    internal static IReadOnlyList<string> Sorted(IEnumerable<ProductId> ids) => [.. ids.Select(id => id.ToString()).Order(StringComparer.Ordinal)];

    internal static void AssertSameAsShop(ForgeSiteServer server, ShopItem item, Product product)
    {
        Assert.Equal(item.Id, product.Id);
        Assert.Equal(item.Product.Brand, product.Brand);
        Assert.Equal(item.Product.Name, product.Name);
        Assert.Equal(item.Price.Amount, product.Price.Amount);
        Assert.Equal(item.Price.Currency, product.Price.Currency);
        Assert.Equal(item.Availability, product.Availability);
        Assert.Equal(server.ImageUrlOf(item).AbsoluteUri, product.ImageUrl.AbsoluteUri);
        Assert.Equal(server.PageUrlOf(item).AbsoluteUri, product.ProductUrl.AbsoluteUri);
        Assert.Equal(item.Product.StyleName, product.Style);
        Assert.Equal(item.Product.Colour.Name, product.Colour);
        Assert.Equal(item.Product.FamilyId, product.FamilyId);
    }

    private static bool IsDisallowed(string path) =>
        (path.StartsWith("/account/", StringComparison.Ordinal) && path != "/account/help") ||
        RobotsFile.Disallowed.Where(rule => rule != "/account/").Any(rule => rule.StartsWith("/*", StringComparison.Ordinal)
            ? path.Contains(rule[2..], StringComparison.Ordinal)
            : path.StartsWith(rule, StringComparison.Ordinal));

    /// <summary>
    /// Arrivals are judged over the whole crawl (never more than one request per interval on average) and over windows of
    /// up to nine requests with 100 ms of slack, because the server's own scheduling on a busy machine can hold a few
    /// requests back and then log them together: a crawler running 1.5 times its limit still fails the window check.
    /// </summary>
    private static void AssertNoFasterThan(IReadOnlyList<Forge.Sites.LoggedRequest> requests, TimeSpan interval)
    {
        var window = Math.Min(9, requests.Count);
        Assert.True(window >= 5, $"only {window} requests to judge the rate by");
        var arrivals = requests.Select(r => r.Elapsed).ToList();
        var whole = arrivals[^1] - arrivals[0];
        Assert.True(whole >= (arrivals.Count - 1) * interval,
            $"{arrivals.Count} requests within {whole.TotalMilliseconds:0} ms at one per {interval.TotalMilliseconds:0} ms");
        var span = Enumerable.Range(0, arrivals.Count - window + 1).Min(i => arrivals[i + window - 1] - arrivals[i]);
        var slack = TimeSpan.FromMilliseconds(100);
        Assert.True(span >= (window - 1) * interval - slack,
            $"{window} requests within {span.TotalMilliseconds:0} ms at one per {interval.TotalMilliseconds:0} ms");
    }
}
