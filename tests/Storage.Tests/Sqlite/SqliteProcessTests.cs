using Microsoft.Data.Sqlite;
using Pursearch.Core.Catalog;
using Pursearch.Core.Scraping;
using Pursearch.Core.Search;
using Pursearch.Storage.Contracts;
using Pursearch.Storage.Sqlite;
using Pursearch.Storage.Writer;
using Xunit.Abstractions;

namespace Pursearch.Storage.Tests.Sqlite;

/// <summary>Several OS processes on one database: concurrent writers, and a writer killed in the middle of a batch.</summary>
public sealed class SqliteProcessTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();

    private string Database => _dir.File("catalog.db");

    [Fact]
    public async Task Two_processes_writing_at_once_both_succeed_and_every_row_lands()
    {
        const int count = 2000, batch = 10;
        var go = _dir.File("go");
        await using var store = await SqliteStore.OpenAsync(Database, new StoreOptions(_dir.Path));
        using var rue = WriterProcess.Start("concurrent", Database, _dir.Path, "rue", $"{count}", $"{batch}", go);
        using var kestrel = WriterProcess.Start("concurrent", Database, _dir.Path, "kestrel", $"{count}", $"{batch}", go);
        await WaitUntilAsync(async () => (await store.ScrapeRuns.ListAsync(null, 10)).Count == 2);

        await File.WriteAllTextAsync(go, "");
        var tailed = await TailUntilExitAsync(store, rue, kestrel);

        Assert.Equal(0, await rue.WaitForExitAsync(ProcessTimeout));
        Assert.Equal(0, await kestrel.WaitForExitAsync(ProcessTimeout));
        foreach (var retailer in new[] { "rue", "kestrel" })
        {
            var run = await store.ScrapeRuns.GetAsync($"run-{retailer}");
            Assert.Equal(ScrapeRunStatus.Succeeded, run!.Status);
            Assert.Equal(count, run.Counter("products"));
            Assert.Equal(count, (await store.Catalog.FacetsAsync(new SearchFilter(retailers: [retailer]))).Total);
            for (var i = 0; i < count; i += 97)
            {
                var id = WriterProducts.Id(retailer, i);
                Assert.Equal(WriterProducts.Make(retailer, i).ContentHash, (await store.Catalog.GetAsync(id))!.ContentHash);
                Assert.Equal(i, (await store.Embeddings.GetAsync(id, "shared"))!.Vector[0]);
            }
        }
        Assert.Equal(2 * count, await store.Embeddings.CountAsync("shared"));

        // Both were writing at the same time, and a reader tailing the feed meanwhile saw every product in rising order.
        var (rueFrom, rueTo) = WritingWindow(rue);
        var (kestrelFrom, kestrelTo) = WritingWindow(kestrel);
        Assert.True(rueFrom < kestrelTo && kestrelFrom < rueTo, "the two writers' write loops should overlap in time");
        var productKeys = tailed.Where(c => c.Kind == ChangeKind.Product).Select(c => c.Key).ToList();
        Assert.Equal(2 * count, productKeys.Distinct().Count());
        output.WriteLine($"{tailed.Count} changes tailed; the writing retailer changed {Interleavings(productKeys)} times");
        var sequences = tailed.Select(c => c.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(await store.Changes.CurrentSequenceAsync(), (await store.Changes.ChangesSinceAsync(0, 10_000))[^1].Sequence);
    }

    [Fact]
    public async Task A_process_killed_mid_batch_leaves_the_database_consistent_and_usable()
    {
        const int small = 50, big = 200_000;
        using (var writer = WriterProcess.Start("big-batch", Database, _dir.Path, "rue", $"{small}", $"{big}"))
        {
            await writer.BatchStarted.WaitAsync(ProcessTimeout);
            var walAtStart = WalSize();
            await WaitUntilAsync(() => Task.FromResult(WalSize() > walAtStart + 4 * 1024 * 1024));
            writer.Kill();
            output.WriteLine($"killed with {WalSize() - walAtStart} bytes of the batch in the WAL");
            await writer.WaitForExitAsync(ProcessTimeout);
            Assert.DoesNotContain("batch-committed", writer.Lines);
        }

        using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }
        await using var store = await SqliteStore.OpenAsync(Database, new StoreOptions(_dir.Path));
        var overview = await store.DescribeAsync();
        Assert.Equal(small, overview.Products);
        Assert.Null(await store.Catalog.GetAsync(WriterProducts.Id("rue", small)));
        Assert.Null(await store.Catalog.GetAsync(WriterProducts.Id("rue", small + big - 1)));
        var changes = await store.Changes.ChangesSinceAsync(0, 10_000);
        Assert.Equal(small, changes.Count);
        Assert.Equal(small, overview.ChangeSequence);
        Assert.Equal(Enumerable.Range(1, small).Select(i => (long)i), changes.Select(c => c.Sequence));

        var more = WriterProducts.Range("rue", small, 100);
        Assert.All(await store.Catalog.UpsertManyAsync(more), o => Assert.Equal(UpsertOutcome.Created, o));
        Assert.Equal(small + 100, (await store.DescribeAsync()).Products);
        Assert.Equal(small + 100, await store.Changes.CurrentSequenceAsync());
    }

    public void Dispose() => _dir.Dispose();

    private long WalSize() => File.Exists(Database + "-wal") ? new FileInfo(Database + "-wal").Length : 0;

    private static async Task<List<ChangeRecord>> TailUntilExitAsync(IStore store, params WriterProcess[] writers)
    {
        var tailed = new List<ChangeRecord>();
        long after = 0;
        var deadline = DateTime.UtcNow + ProcessTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var exited = writers.All(w => w.HasExited);
            var page = await store.Changes.ChangesSinceAsync(after, 500);
            tailed.AddRange(page);
            if (page.Count > 0)
                after = page[^1].Sequence;
            else if (exited)
                break;
        }
        return tailed;
    }

    private static (long From, long To) WritingWindow(WriterProcess writer)
    {
        long Stamp(string word) => long.Parse(writer.Lines.Single(l => l.StartsWith(word + " ")).Split(' ')[1]);
        return (Stamp("writing"), Stamp("done"));
    }

    private static int Interleavings(IReadOnlyList<string> keys) =>
        keys.Zip(keys.Skip(1)).Count(pair => ProductId.Parse(pair.First).Retailer != ProductId.Parse(pair.Second).Retailer);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + ProcessTimeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the writer processes");
            await Task.Delay(10);
        }
    }
}
