using Microsoft.Data.Sqlite;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>
/// SQL functions that run domain code, so SQL filters agree exactly with <see cref="Core.Search.SearchFilter"/> and
/// <see cref="ShardFunction"/> instead of re-implementing them in SQL arithmetic.
/// </summary>
public sealed class SqliteFunctions(ExchangeRates rates)
{
    public void Register(SqliteConnection connection)
    {
        connection.CreateFunction<string, string, string, string?, string?, bool>("price_in_range", PriceInRange,
            isDeterministic: true);
        connection.CreateFunction<string, string, string, int?>("price_bucket", PriceBucket, isDeterministic: true);
        connection.CreateFunction<string, int, int>("shard_of", ShardOf, isDeterministic: true);
    }

    /// <summary>Whether a stored price, converted to <paramref name="target"/>, lies in [min, max]; false when it can't be converted.</summary>
    private bool PriceInRange(string amount, string currency, string target, string? min, string? max)
    {
        var converted = Convert(amount, currency, target);
        return converted is { } price &&
               (min is null || price >= SqliteValues.Decimal(min)) &&
               (max is null || price <= SqliteValues.Decimal(max));
    }

    /// <summary>The index of the first <see cref="CatalogFacets.PriceLimits"/> entry the price is under (the count when none).</summary>
    private int? PriceBucket(string amount, string currency, string target)
    {
        if (Convert(amount, currency, target) is not { } price)
            return null;
        var limits = CatalogFacets.PriceLimits;
        var bucket = 0;
        while (bucket < limits.Count && price >= limits[bucket])
            bucket++;
        return bucket;
    }

    private static int ShardOf(string productId, int shardCount) =>
        ShardFunction.ShardOf(ProductId.Parse(productId), shardCount);

    private decimal? Convert(string amount, string currency, string target)
    {
        var from = new Currency(currency);
        var to = new Currency(target);
        return rates.Supports(from) && rates.Supports(to)
            ? rates.Convert(new Money(SqliteValues.Decimal(amount), from), to).Amount
            : null;
    }
}
