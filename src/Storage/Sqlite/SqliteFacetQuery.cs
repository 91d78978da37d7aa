using Microsoft.Data.Sqlite;
using Pursearch.Core.Search;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>The counting queries behind <see cref="CatalogFacets"/>, all within one read transaction.</summary>
public sealed class SqliteFacetQuery(SqliteSession read, SearchFilter filter)
{
    public long Total()
    {
        using var command = Filtered(where => $"SELECT count(*) FROM products p WHERE {where}");
        return Convert.ToInt64(command.ExecuteScalar());
    }

    /// <summary>Counts per non-empty value of <paramref name="column"/>, most frequent first, then by value.</summary>
    public IReadOnlyList<FacetCount> Values(string column)
    {
        using var command = Filtered(where => $"""
            SELECT {column}, count(*) AS n FROM products p WHERE {where} AND {column} <> ''
            GROUP BY {column} ORDER BY n DESC, {column}
            """);
        return SqliteSession.Query(command, r => new FacetCount(r.GetString(0), r.GetInt64(1)));
    }

    /// <summary>Cumulative counts under each price limit, in the filter's currency, then the count at any price.</summary>
    public IReadOnlyList<PriceBucketCount> PriceBuckets()
    {
        var limits = CatalogFacets.PriceLimits;
        using var command = Filtered(where => $"""
            SELECT price_bucket(p.price_amount, p.price_currency, $bucket_currency) AS b, count(*)
            FROM products p WHERE {where} GROUP BY b
            """);
        command.Parameters.AddWithValue("$bucket_currency", filter.Currency.Code);
        var histogram = SqliteSession.Query(command, r => (Bucket: r.IsDBNull(0) ? (int?)null : r.GetInt32(0), Count: r.GetInt64(1)));
        var buckets = new List<PriceBucketCount>();
        for (var i = 0; i < limits.Count; i++)
            buckets.Add(new PriceBucketCount(limits[i], histogram.Where(h => h.Bucket <= i).Sum(h => h.Count)));
        buckets.Add(new PriceBucketCount(null, histogram.Sum(h => h.Count)));
        return buckets;
    }

    private SqliteCommand Filtered(Func<string, string> sql)
    {
        var command = read.Command("");
        command.CommandText = sql(SqliteFilterSql.Where(filter, command));
        return command;
    }
}
