using Microsoft.Data.Sqlite;
using Pursearch.Storage.Contracts;
using Pursearch.Storage.Sqlite;
using Pursearch.Storage.Tests.Contract;

namespace Pursearch.Storage.Tests.Sqlite;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_new_database_is_created_at_the_latest_version_in_wal_mode()
    {
        await using (var store = await SqliteStore.OpenAsync(_dir.File("catalog.db"), new StoreOptions(_dir.Path)))
            Assert.Equal(SqliteSchema.Migrations.Count, (await store.DescribeAsync()).SchemaVersion);

        using var connection = Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(SqliteSchema.Migrations.Count, SqliteMigrator.CurrentVersion(connection));
        Assert.Equal(SqliteSchema.Migrations.Count, Convert.ToInt32(Scalar(connection, "SELECT count(*) FROM schema_migrations")));
    }

    [Fact]
    public async Task Reopening_applies_nothing_again_and_keeps_the_data()
    {
        await using (var store = await SqliteStore.OpenAsync(_dir.File("catalog.db"), new StoreOptions(_dir.Path)))
            await store.Catalog.UpsertAsync(Samples.Bag());
        await using (var again = await SqliteStore.OpenAsync(_dir.File("catalog.db"), new StoreOptions(_dir.Path)))
            Assert.NotNull(await again.Catalog.GetAsync(Samples.Bag().Id));

        using var connection = Open();
        Assert.Empty(new SqliteMigrator(SqliteSchema.Migrations).Migrate(connection));
        Assert.Equal(SqliteSchema.Migrations.Count, Convert.ToInt32(Scalar(connection, "SELECT count(*) FROM schema_migrations")));
    }

    [Fact]
    public async Task A_database_from_a_newer_pursearch_is_refused_untouched()
    {
        await (await SqliteStore.OpenAsync(_dir.File("catalog.db"), new StoreOptions(_dir.Path))).DisposeAsync();
        using (var connection = Open())
            Execute(connection, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 0)");

        var e = await Assert.ThrowsAsync<SchemaTooNewException>(() =>
            SqliteStore.OpenAsync(_dir.File("catalog.db"), new StoreOptions(_dir.Path)));

        Assert.Equal(999, e.DatabaseVersion);
        Assert.Equal(SqliteSchema.Migrations.Count, e.CodeVersion);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Pending_migrations_apply_in_order_after_the_ones_already_applied()
    {
        using var connection = Open();
        Migration first = new(1, "one", "CREATE TABLE t (a INTEGER)");
        Migration second = new(2, "two", "ALTER TABLE t ADD COLUMN b TEXT; INSERT INTO t (a, b) VALUES (1, 'x')");
        Migration third = new(3, "three", "UPDATE t SET b = b || 'y'");

        Assert.Equal([1], new SqliteMigrator([first]).Migrate(connection));
        Assert.Equal([2, 3], new SqliteMigrator([first, second, third]).Migrate(connection));
        Assert.Empty(new SqliteMigrator([first, second, third]).Migrate(connection));

        Assert.Equal("xy", Scalar(connection, "SELECT b FROM t"));
        Assert.Equal(3, SqliteMigrator.CurrentVersion(connection));
    }

    [Fact]
    public void A_failing_migration_leaves_the_database_at_the_version_it_had()
    {
        using var connection = Open();
        Migration first = new(1, "one", "CREATE TABLE t (a INTEGER)");
        Migration second = new(2, "two", "CREATE TABLE u (a INTEGER)");
        Migration broken = new(3, "broken", "INSERT INTO no_such_table VALUES (1)");
        new SqliteMigrator([first]).Migrate(connection);

        Assert.Throws<SqliteException>(() => new SqliteMigrator([first, second, broken]).Migrate(connection));

        Assert.Equal(1, SqliteMigrator.CurrentVersion(connection));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'u'"));
    }

    [Fact]
    public void Migration_versions_must_run_from_one_without_gaps() =>
        Assert.Throws<ArgumentException>(() => new SqliteMigrator([new(1, "a", "SELECT 1"), new(3, "c", "SELECT 1")]));

    public void Dispose() => _dir.Dispose();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_dir.File("catalog.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
