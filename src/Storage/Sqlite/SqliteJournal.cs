using Microsoft.Data.Sqlite;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>Puts a database in write-ahead-log mode: readers never block the writer, and writers from several processes queue.</summary>
public static class SqliteJournal
{
    public static void UseWriteAheadLog(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new StoreException($"could not put {connection.DataSource} in WAL mode (journal mode is {mode ?? "unknown"})");
    }
}
