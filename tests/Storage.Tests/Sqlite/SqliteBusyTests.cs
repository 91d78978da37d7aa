using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Pursearch.Storage.Contracts;
using Pursearch.Storage.Sqlite;
using Pursearch.Storage.Tests.Contract;

namespace Pursearch.Storage.Tests.Sqlite;

public sealed class SqliteBusyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_write_waits_for_another_connection_to_finish_its_transaction()
    {
        await using var store = await OpenAsync(TimeSpan.FromSeconds(10));
        using var holder = HoldWriteLock();

        var write = store.Catalog.UpsertAsync(Samples.Bag());
        await Task.Delay(300);
        Assert.False(write.IsCompleted, "the write should wait while the lock is held");
        holder.Dispose();

        Assert.Equal(UpsertOutcome.Created, await write);
    }

    [Fact]
    public async Task A_write_blocked_past_the_busy_timeout_fails_with_a_typed_error_and_writes_nothing()
    {
        await using var store = await OpenAsync(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        using (HoldWriteLock())
            await Assert.ThrowsAsync<StoreBusyException>(() => store.Catalog.UpsertAsync(Samples.Bag()));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"gave up after {clock.Elapsed}");
        Assert.Null(await store.Catalog.GetAsync(Samples.Bag().Id));
        Assert.Equal(UpsertOutcome.Created, await store.Catalog.UpsertAsync(Samples.Bag()));
    }

    public void Dispose() => _dir.Dispose();

    private async Task<SqliteStore> OpenAsync(TimeSpan busyTimeout) =>
        await SqliteStore.OpenAsync(_dir.File("catalog.db"), new StoreOptions(_dir.Path, busyTimeout: busyTimeout));

    private SqliteConnection HoldWriteLock()
    {
        var connection = new SqliteConnection($"Data Source={_dir.File("catalog.db")};Pooling=False");
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return connection;
    }
}
