using Microsoft.Data.Sqlite;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>
/// One write transaction. Changes recorded here take the next sequence numbers; because SQLite lets one writer in at
/// a time and the counter moves in the same transaction, sequence numbers rise in commit order across processes.
/// </summary>
public sealed class SqliteWrite(SqliteConnection connection, SqliteTransaction transaction)
    : SqliteSession(connection, transaction), IDisposable
{
    private long? _sequence;
    private SqliteCommand? _recordChange;

    /// <summary>Gives the key the next sequence number (replacing its earlier change record) and returns it.</summary>
    public long RecordChange(ChangeKind kind, string key)
    {
        var sequence = (_sequence ??= Convert.ToInt64(Scalar("SELECT value FROM sequence_counter WHERE id = 1"))) + 1;
        _sequence = sequence;
        _recordChange ??= PrepareRecordChange();
        _recordChange.Parameters["$kind"].Value = kind.ToString();
        _recordChange.Parameters["$key"].Value = key;
        _recordChange.Parameters["$seq"].Value = sequence;
        _recordChange.ExecuteNonQuery();
        return sequence;
    }

    public void Commit()
    {
        if (_sequence is { } sequence)
            Execute("UPDATE sequence_counter SET value = $value WHERE id = 1", ("$value", sequence));
        Transaction.Commit();
    }

    public void Dispose() => _recordChange?.Dispose();

    private SqliteCommand PrepareRecordChange()
    {
        var command = Command("""
            INSERT INTO change_feed (kind, key, seq) VALUES ($kind, $key, $seq)
            ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq
            """);
        command.Parameters.Add("$kind", SqliteType.Text);
        command.Parameters.Add("$key", SqliteType.Text);
        command.Parameters.Add("$seq", SqliteType.Integer);
        return command;
    }
}
