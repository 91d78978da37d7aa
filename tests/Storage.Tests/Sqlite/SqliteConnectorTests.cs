using Pursearch.Storage.Sqlite;

namespace Pursearch.Storage.Tests.Sqlite;

public sealed class SqliteConnectorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    // Microsoft.Data.Sqlite 10 could lend one pooled connection to two concurrent openers (dotnet/efcore#39008): the
    // second owner's BEGIN then failed with "cannot start a transaction within a transaction". A scrape hit it once.
    // Without the connector's open gate this fails in most runs (6,000 waves failed 2 runs in 3).
    [Fact]
    public async Task Concurrent_units_of_work_on_an_emptied_pool_each_get_a_connection_of_their_own()
    {
        var connector = new SqliteConnector(_dir.File("pool.db"), new StoreOptions(_dir.Path));
        for (var wave = 0; wave < 10000; wave++)
        {
            connector.ClosePooled();
            var units = Enumerable.Range(0, 16).Select(_ => connector.ReadAsync(session => session.Scalar("SELECT 1"), default));
            Assert.All(await Task.WhenAll(units), one => Assert.Equal(1L, one));
        }
    }

    public void Dispose() => _dir.Dispose();
}
