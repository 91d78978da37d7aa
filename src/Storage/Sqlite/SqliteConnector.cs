using Microsoft.Data.Sqlite;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>
/// Opens configured connections to one database file and runs units of work on them off the caller's thread
/// (SQLite calls block, and a write may wait for another process's transaction).
/// </summary>
public sealed class SqliteConnector
{
    private readonly string _connectionString;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    // Microsoft.Data.Sqlite 10 can lend one pooled connection to two threads that open at once (dotnet/efcore#39008: a
    // connection counts as leaked between its checkout and its owner being set, and a concurrent checkout reclaims it);
    // both then share one transaction state. Taking connections from the pool one at a time closes that window; a
    // pooled open costs microseconds.
    private static readonly Lock OpenGate = new();

    private readonly TimeSpan _busyTimeout;
    private readonly SqliteFunctions _functions;

    public SqliteConnector(string databasePath, StoreOptions options)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _busyTimeout = options.BusyTimeout;
        _functions = new SqliteFunctions(options.ExchangeRates);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    public string DatabasePath { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        lock (OpenGate)
            connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            // WAL with synchronous=NORMAL survives a killed process (not a power cut) and keeps commits cheap.
            pragmas.CommandText = $"PRAGMA busy_timeout = {(int)_busyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
            pragmas.ExecuteNonQuery();
        }
        _functions.Register(connection);
        return connection;
    }

    /// <summary>Runs reads in one deferred transaction: every statement sees the same snapshot.</summary>
    public Task<T> ReadAsync<T>(Func<SqliteSession, T> read, CancellationToken cancel) =>
        Task.Run(() => Read(read), cancel);

    /// <summary>The synchronous form of <see cref="ReadAsync{T}"/>, for code already off the caller's thread.</summary>
    public T Read<T>(Func<SqliteSession, T> read)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        return read(new SqliteSession(connection, transaction));
    }

    /// <summary>Runs a unit of work in one immediate (write-locked) transaction, committed only if it returns.</summary>
    /// <exception cref="StoreBusyException">Another writer kept the database locked past the busy timeout.</exception>
    public Task<T> WriteAsync<T>(Func<SqliteWrite, T> write, CancellationToken cancel) =>
        Task.Run(() =>
        {
            try
            {
                using var connection = Open();
                using var transaction = connection.BeginTransaction(deferred: false);
                using var unit = new SqliteWrite(connection, transaction);
                var result = write(unit);
                unit.Commit();
                return result;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
            {
                throw new StoreBusyException(_busyTimeout, e);
            }
        }, cancel);

    public Task WriteAsync(Action<SqliteWrite> write, CancellationToken cancel) =>
        WriteAsync(unit =>
        {
            write(unit);
            return true;
        }, cancel);

    /// <summary>Closes pooled connections, so the last one checkpoints the WAL and releases the files.</summary>
    public void ClosePooled()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
