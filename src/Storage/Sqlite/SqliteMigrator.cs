using Microsoft.Data.Sqlite;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>
/// Brings a database to the newest schema: pending migrations run in version order inside one write transaction,
/// so a database is at one version or the next, never between. A database newer than the code is refused.
/// </summary>
public sealed class SqliteMigrator
{
    private const string Ledger =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";

    private readonly IReadOnlyList<Migration> _migrations;

    public SqliteMigrator(IReadOnlyList<Migration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
            if (migrations[i].Version != i + 1)
                throw new ArgumentException($"migration versions must run 1, 2, 3...; found {migrations[i].Version} at position {i + 1}",
                    nameof(migrations));
        _migrations = migrations;
    }

    public int LatestVersion => _migrations.Count;

    /// <summary>Applies what is pending and returns the versions applied now (empty when already current).</summary>
    public IReadOnlyList<int> Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, Ledger);
        var current = CurrentVersion(connection, transaction);
        if (current > LatestVersion)
            throw new SchemaTooNewException(current, LatestVersion);
        var applied = new List<int>();
        foreach (var migration in _migrations.Skip(current))
        {
            Execute(connection, transaction, migration.Sql);
            Record(connection, transaction, migration);
            applied.Add(migration.Version);
        }
        transaction.Commit();
        return applied;
    }

    /// <summary>The highest applied version, 0 for a database without the ledger.</summary>
    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
        if (Convert.ToInt64(exists.ExecuteScalar()) == 0)
            return 0;
        using var max = connection.CreateCommand();
        max.Transaction = transaction;
        max.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        return Convert.ToInt32(max.ExecuteScalar());
    }

    private static void Record(SqliteConnection connection, SqliteTransaction transaction, Migration migration)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at)";
        command.Parameters.AddWithValue("$version", migration.Version);
        command.Parameters.AddWithValue("$name", migration.Name);
        command.Parameters.AddWithValue("$at", SqliteValues.Ticks(DateTimeOffset.UtcNow));
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
