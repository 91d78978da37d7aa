using Microsoft.Data.Sqlite;

namespace Pursearch.Storage.Sqlite;

/// <summary>One open connection and its transaction, with the few ways the store runs SQL on them.</summary>
public class SqliteSession(SqliteConnection connection, SqliteTransaction transaction)
{
    public SqliteConnection Connection => connection;
    public SqliteTransaction Transaction => transaction;

    public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null when there is no row or it is NULL.</summary>
    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return Query(command, map);
    }

    public static List<T> Query<T>(SqliteCommand command, Func<SqliteDataReader, T> map)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(map(reader));
        return rows;
    }
}
