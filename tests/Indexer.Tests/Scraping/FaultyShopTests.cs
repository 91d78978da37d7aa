using System.Diagnostics;
using Pursearch.Core.Catalog;
using Pursearch.Core.Scraping;
using Pursearch.Forge.Sites;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Scraping;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.Tests.Scraping;

public sealed class FaultyShopTests(ScrapeActors actors) : IClassFixture<ScrapeActors>
{
    [Fact]
    public async Task With_every_fault_on_scrapes_finish_in_budget_record_each_fault_by_kind_and_lose_no_product()
    {
        await using var world = await ScrapeWorld.StartAsync(SiteFaults.All);
        var clock = Stopwatch.StartNew();

        var results = await world.ScrapeAllAsync(actors.System);

        Assert.True(clock.Elapsed < ScrapeWorld.Options.TimeBudget, $"took {clock.Elapsed}");
        foreach (var result in results)
        {
            Assert.Equal(ScrapeRunStatus.Succeeded, result.Status);
            Assert.Equal(CrawlStopReason.Completed, result.StopReason);
            Assert.False(result.Sweep.Done);
            var site = world.Server.Site(result.Progress.Source);
            var run = (await world.Store.ScrapeRuns.GetAsync(result.RunId))!;
            var faults = site.Faults;
            AssertRecorded(run, CrawlErrorKinds.Http5xx, site.Url(FaultPlan.BrokenPath));
            AssertRecorded(run, CrawlErrorKinds.RateLimited, site.Url(FaultPlan.BusyPath));
            AssertRecorded(run, CrawlErrorKinds.Timeout, site.Url(FaultPlan.SlowPath));
            AssertRecorded(run, CrawlErrorKinds.RedirectLoop, site.Url(FaultPlan.LoopPath));
            AssertRecorded(run, CrawlErrorKinds.Trap, null);
            AssertRecorded(run, ScrapeErrorKinds.PageSkipped, site.Url(FaultPlan.MangledPath));
            AssertRecorded(run, ScrapeErrorKinds.ImageTruncated, ImageOf(world, site, faults.TruncatedImageSku!));
            AssertRecorded(run, ScrapeErrorKinds.ImageTooLarge, ImageOf(world, site, faults.HugeImageSku!));
            Assert.Equal(run.Errors.Count, run.Counter(IScrapeRunLog.ErrorsCounter));
            Assert.All(run.Errors.GroupBy(e => e.Kind), g => Assert.Equal(g.Count(), run.Counter(ScrapeCounters.ErrorPrefix + g.Key)));

            var statuses = world.CrawlerRequests(site.Retailer.Slug);
            Assert.Equal([503, 503, 200], statuses.Where(r => r.Path == $"/p/{faults.BurstSku}").Select(r => r.Status));
            Assert.Equal([429, 200], statuses.Where(r => r.Path == $"/p/{faults.RateLimitedSku}").Select(r => r.Status));
        }
        await AssertEveryProductKeptAsync(world);
    }

    [Fact]
    public async Task A_second_faulty_scrape_keeps_every_product_and_retries_only_the_images_that_failed()
    {
        await using var world = await ScrapeWorld.StartAsync(SiteFaults.TruncatedImages | SiteFaults.HugeImages | SiteFaults.ServerErrors);
        await world.ScrapeAllAsync(actors.System);
        var imageRequests = world.Server.Log.Entries.Count(r => r.Path.StartsWith("/img/", StringComparison.Ordinal));

        var again = await world.ScrapeAllAsync(actors.System);

        var retried = world.Server.Log.Entries.Count(r => r.Path.StartsWith("/img/", StringComparison.Ordinal)) - imageRequests;
        Assert.Equal(2 * world.Server.Sites.Count, retried);
        Assert.All(again, r => Assert.Equal(2, r.Counter(ScrapeCounters.ImagesFailed)));
        Assert.All(again, r => Assert.Empty(r.QueuedForEmbedding));
        var listed = world.Server.Catalog.Listed().Count;
        Assert.Equal(listed - 2 * world.Server.Sites.Count, again.Sum(r => r.Progress.Crawl.NotModified));
        await AssertEveryProductKeptAsync(world);
    }

    private static async Task AssertEveryProductKeptAsync(ScrapeWorld world)
    {
        var stored = (await world.StoredProductsAsync()).ToDictionary(p => p.Id);
        var listed = world.Server.Catalog.Listed();
        Assert.Equal(listed.Count, stored.Count);
        var brokenImages = world.Server.Sites
            .SelectMany(s => new[] { s.Faults.TruncatedImageSku, s.Faults.HugeImageSku }.OfType<string>()
                .Select(sku => new ProductId(s.Retailer.Slug, sku)))
            .ToHashSet();
        foreach (var item in listed)
        {
            ScrapeTests.AssertSameAsShop(world.Server, item, stored[item.Id]);
            Assert.Equal(brokenImages.Contains(item.Id), stored[item.Id].ImageSha256 is null);
        }
        foreach (var site in world.Server.Sites)
        {
            var pages = (await world.State.Pages.ListAsync(site.Retailer.Slug)).ToDictionary(p => p.Url);
            foreach (var item in world.Server.Catalog.Listed(site.Retailer))
                Assert.Equal(!brokenImages.Contains(item.Id), pages[world.Server.PageUrlOf(item).AbsoluteUri].ETag is not null);
        }
    }

    private static Uri ImageOf(ScrapeWorld world, ShopSite site, string sku) =>
        world.Server.ImageUrlOf(world.Server.Catalog.Find(site.Retailer, sku)!);

    private static void AssertRecorded(ScrapeRun run, string kind, Uri? url)
    {
        var errors = run.Errors.Where(e => e.Kind == kind).ToList();
        Assert.True(errors.Count > 0, $"no {kind} error in {run.Id}: {string.Join("; ", run.Errors.Select(e => $"{e.Kind} {e.Url}"))}");
        if (url is not null)
            Assert.Contains(errors, e => e.Url == url.AbsoluteUri);
    }
}
