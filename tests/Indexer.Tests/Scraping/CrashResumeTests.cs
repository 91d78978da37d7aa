using System.Diagnostics;
using System.Reflection;
using Pursearch.Core.Scraping;
using Pursearch.Indexer.Scraping;

namespace Pursearch.Indexer.Tests.Scraping;

public sealed class CrashResumeTests(ScrapeActors actors) : IClassFixture<ScrapeActors>
{
    [Fact]
    public async Task A_scrape_killed_mid_run_is_continued_by_the_next_one_without_duplicates_or_refetching_committed_pages()
    {
        await using var world = await ScrapeWorld.StartAsync(crawlDelay: TimeSpan.FromMilliseconds(30));
        var shop = world.Server.Site("marlowe");
        var listed = world.Server.Catalog.Listed(shop.Retailer);

        var (runId, committed) = await KillMidRunAsync(world, "marlowe", atLeast: 6);
        Assert.InRange(committed, 6, listed.Count - 1);
        var unfinished = await world.Store.ScrapeRuns.GetAsync(runId);
        Assert.Equal(ScrapeRunStatus.Running, unfinished!.Status);
        // By arrival, not by count: the log adds a request when its response ends, so one the killed run had in flight
        // can be logged after this point, though it arrived before it.
        var resumedFrom = world.Server.Log.Elapsed;

        await world.ReopenStoreAsync();
        var result = await new ScrapeRunner(world.Store, actors.System, ScrapeWorld.Options).RunAsync("marlowe");

        Assert.True(result.Resumed);
        Assert.Equal(runId, result.RunId);
        Assert.Equal(ScrapeRunStatus.Succeeded, result.Status);
        Assert.Single(await world.Store.ScrapeRuns.ListAsync("marlowe", 10));
        var stored = (await world.StoredProductsAsync()).Where(p => p.Id.Retailer == "marlowe").ToList();
        Assert.Equal(listed.Count, stored.Count);
        Assert.Equal(listed.Count, stored.Select(p => p.Id).Distinct().Count());
        foreach (var item in listed)
            ScrapeTests.AssertSameAsShop(world.Server, item, stored.Single(p => p.Id == item.Id));
        Assert.All(stored, p => Assert.NotNull(p.ImageSha256));
        var resumedRequests = world.Server.Log.Entries.Where(r => r.Elapsed >= resumedFrom).ToList();
        Assert.True(resumedRequests.Count(r => r.Status == 304) >= committed,
            $"{committed} products were committed before the kill but only {resumedRequests.Count(r => r.Status == 304)} pages answered 304");
        Assert.Equal(listed.Count - result.Progress.Crawl.NotModified,
            resumedRequests.Count(r => r.Path.StartsWith("/img/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_cancelled_scrape_is_recorded_as_cancelled_and_the_next_run_skips_what_it_committed()
    {
        await using var world = await ScrapeWorld.StartAsync(crawlDelay: TimeSpan.FromMilliseconds(30));
        var listed = world.Server.Catalog.Listed(world.Server.Site("marlowe").Retailer);
        using var stop = new CancellationTokenSource();
        var runner = new ScrapeRunner(world.Store, actors.System, ScrapeWorld.Options);

        var scrape = runner.RunAsync("marlowe", cancel: stop.Token);
        while ((await world.StoredProductsAsync()).Count < 5)
            await Task.Delay(20);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scrape);
        var committed = (await world.StoredProductsAsync()).Count;
        var cancelled = Assert.Single(await world.Store.ScrapeRuns.ListAsync("marlowe", 10));
        Assert.Equal(ScrapeRunStatus.Cancelled, cancelled.Status);

        await world.ReopenStoreAsync();
        var next = await new ScrapeRunner(world.Store, actors.System, ScrapeWorld.Options).RunAsync("marlowe");

        Assert.False(next.Resumed);
        Assert.NotEqual(cancelled.Id, next.RunId);
        Assert.Equal(ScrapeRunStatus.Succeeded, next.Status);
        Assert.Equal(committed, next.Progress.Crawl.NotModified);
        Assert.Equal(listed.Count, (await world.StoredProductsAsync()).Count);
        Assert.Equal(listed.Count - committed, next.Counter(ScrapeCounters.ProductsNew));
    }

    /// <summary>Runs the scrape in a child process, kills it once enough products are stored, returns the run id and the count.</summary>
    private static async Task<(string RunId, int Committed)> KillMidRunAsync(ScrapeWorld world, string source, int atLeast)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { RunnerDll(), world.DatabasePath, world.DataDirectory, source })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var runId = (await process.StandardOutput.ReadLineAsync())?.Replace("run ", "", StringComparison.Ordinal);
            if (string.IsNullOrEmpty(runId))
                Assert.Fail($"the runner printed no run id: {await stderr}");
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            int committed;
            while ((committed = (await world.StoredProductsAsync()).Count(p => p.Id.Retailer == source)) < atLeast)
                await Task.Delay(20, deadline.Token);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(deadline.Token);
            return (runId!, (await world.StoredProductsAsync()).Count(p => p.Id.Retailer == source));
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    private static string RunnerDll()
    {
        var dll = typeof(CrashResumeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ScrapeRunnerDll").Value!;
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build tests/Tools/Scrape.Runner first (building this test project does)", dll);
    }
}
