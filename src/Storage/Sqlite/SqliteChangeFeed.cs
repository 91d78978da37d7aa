using Pursearch.Core;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>The change feed in the <c>change_feed</c> table, one row per key holding its latest sequence number.</summary>
public sealed class SqliteChangeFeed(SqliteConnector connector) : IChangeFeed
{
    public const int MaxPageSize = 10_000;

    public Task<long> CurrentSequenceAsync(CancellationToken cancel = default) =>
        connector.ReadAsync(Current, cancel);

    public Task<IReadOnlyList<ChangeRecord>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancel = default)
    {
        if (sequence < 0)
            throw new DomainException("sequence", "must not be negative");
        if (limit is < 1 or > MaxPageSize)
            throw new DomainException("limit", $"{limit} is out of range 1..{MaxPageSize}");
        return connector.ReadAsync<IReadOnlyList<ChangeRecord>>(read => read.Query(
            "SELECT seq, kind, key FROM change_feed WHERE seq > $seq ORDER BY seq LIMIT $limit",
            r => new ChangeRecord(r.GetInt64(0), SqliteValues.Enum<ChangeKind>(r.GetString(1)), r.GetString(2)),
            ("$seq", sequence), ("$limit", limit)), cancel);
    }

    public static long Current(SqliteSession read) =>
        Convert.ToInt64(read.Scalar("SELECT value FROM sequence_counter WHERE id = 1"));
}
