using Pursearch.Core;
using Pursearch.Core.Scraping;
using Pursearch.Storage.Contracts;
using static Pursearch.Storage.Tests.Contract.Samples;

namespace Pursearch.Storage.Tests.Contract;

/// <summary>Scrape run contract: start, count incrementally, record errors, finish, list.</summary>
public abstract class ScrapeRunContract : StoreContract
{
    [Fact]
    public async Task A_run_counts_incrementally_records_errors_and_finishes()
    {
        await Store.ScrapeRuns.StartAsync(new ScrapeRun("run-1", "rue", At(0)));
        await Store.ScrapeRuns.AddCountersAsync("run-1", new Dictionary<string, long> { ["pages"] = 3, ["products.new"] = 2 });
        await Store.ScrapeRuns.AddCountersAsync("run-1", new Dictionary<string, long> { ["pages"] = 4 });
        var error = new ScrapeError("http-5xx", "https://rue.example/p/9", "503 Service Unavailable", At(1));
        await Store.ScrapeRuns.AddErrorAsync("run-1", error);

        var running = await Store.ScrapeRuns.GetAsync("run-1");
        Assert.Equal(ScrapeRunStatus.Running, running!.Status);
        Assert.Null(running.FinishedAt);
        Assert.Equal(7, running.Counter("pages"));
        Assert.Equal(2, running.Counter("products.new"));
        Assert.Equal(1, running.Counter(IScrapeRunLog.ErrorsCounter));
        Assert.Equal([error], running.Errors);

        await Store.ScrapeRuns.FinishAsync("run-1", ScrapeRunStatus.Succeeded, At(5));
        var finished = await Store.ScrapeRuns.GetAsync("run-1");
        Assert.Equal(ScrapeRunStatus.Succeeded, finished!.Status);
        Assert.Equal(At(5), finished.FinishedAt);
        Assert.Equal(At(0), finished.StartedAt);
        Assert.Equal("rue", finished.Source);
    }

    [Fact]
    public async Task Concurrent_counter_updates_all_add_up()
    {
        await Store.ScrapeRuns.StartAsync(new ScrapeRun("run-1", "rue", At(0)));
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            Store.ScrapeRuns.AddCountersAsync("run-1", new Dictionary<string, long> { ["pages"] = 1, ["bytes"] = 1000 })));
        var run = await Store.ScrapeRuns.GetAsync("run-1");
        Assert.Equal(40, run!.Counter("pages"));
        Assert.Equal(40_000, run.Counter("bytes"));
    }

    [Fact]
    public async Task A_finished_run_takes_no_more_counts_errors_or_finishes()
    {
        await Store.ScrapeRuns.StartAsync(new ScrapeRun("run-1", "rue", At(0)));
        await Store.ScrapeRuns.FinishAsync("run-1", ScrapeRunStatus.Failed, At(1));

        await Assert.ThrowsAsync<StoreConflictException>(() =>
            Store.ScrapeRuns.AddCountersAsync("run-1", new Dictionary<string, long> { ["pages"] = 1 }));
        await Assert.ThrowsAsync<StoreConflictException>(() =>
            Store.ScrapeRuns.AddErrorAsync("run-1", new ScrapeError("x", "https://a.example/", "m", At(1))));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.ScrapeRuns.FinishAsync("run-1", ScrapeRunStatus.Succeeded, At(2)));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.ScrapeRuns.StartAsync(new ScrapeRun("run-1", "rue", At(3))));
        Assert.Equal(ScrapeRunStatus.Failed, (await Store.ScrapeRuns.GetAsync("run-1"))!.Status);
    }

    [Fact]
    public async Task Bad_runs_and_unknown_runs_are_refused()
    {
        await Assert.ThrowsAsync<StoreNotFoundException>(() =>
            Store.ScrapeRuns.AddCountersAsync("ghost", new Dictionary<string, long> { ["pages"] = 1 }));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.ScrapeRuns.FinishAsync("ghost", ScrapeRunStatus.Succeeded, At(1)));
        Assert.Equal("status", (await Assert.ThrowsAsync<DomainException>(() =>
            Store.ScrapeRuns.StartAsync(new ScrapeRun("run-2", "rue", At(0), ScrapeRunStatus.Succeeded, At(1))))).Field);
        await Store.ScrapeRuns.StartAsync(new ScrapeRun("run-1", "rue", At(10)));
        Assert.Equal("finishedAt", (await Assert.ThrowsAsync<DomainException>(() =>
            Store.ScrapeRuns.FinishAsync("run-1", ScrapeRunStatus.Succeeded, At(5)))).Field);
        Assert.Equal("status", (await Assert.ThrowsAsync<DomainException>(() =>
            Store.ScrapeRuns.FinishAsync("run-1", ScrapeRunStatus.Running, At(15)))).Field);
        Assert.Null(await Store.ScrapeRuns.GetAsync("ghost"));
    }

    [Fact]
    public async Task Only_the_first_errors_are_kept_but_every_error_is_counted()
    {
        var errors = Enumerable.Range(0, IScrapeRunLog.MaxErrorsKept + 5)
            .Select(i => new ScrapeError("http-404", $"https://rue.example/p/{i}", "Not Found", At(0))).ToList();
        await Store.ScrapeRuns.StartAsync(new ScrapeRun("run-1", "rue", At(0), errors: errors));
        await Store.ScrapeRuns.AddErrorAsync("run-1", new ScrapeError("late", "https://rue.example/", "m", At(1)));

        var run = await Store.ScrapeRuns.GetAsync("run-1");
        Assert.Equal(IScrapeRunLog.MaxErrorsKept, run!.Errors.Count);
        Assert.Equal(errors.Take(IScrapeRunLog.MaxErrorsKept), run.Errors);
        Assert.Equal(IScrapeRunLog.MaxErrorsKept + 6, run.Counter(IScrapeRunLog.ErrorsCounter));
    }

    [Fact]
    public async Task Runs_list_newest_first_by_source()
    {
        await Store.ScrapeRuns.StartAsync(new ScrapeRun("r1", "rue", At(0)));
        await Store.ScrapeRuns.StartAsync(new ScrapeRun("k1", "kestrel", At(1)));
        await Store.ScrapeRuns.StartAsync(new ScrapeRun("r2", "rue", At(2)));
        await Store.ScrapeRuns.StartAsync(new ScrapeRun("r3", "rue", At(3)));

        Assert.Equal(["r3", "r2", "k1", "r1"], (await Store.ScrapeRuns.ListAsync(null, 10)).Select(r => r.Id));
        Assert.Equal(["r3", "r2"], (await Store.ScrapeRuns.ListAsync("rue", 2)).Select(r => r.Id));
        Assert.Empty(await Store.ScrapeRuns.ListAsync("nobody", 10));
    }
}
