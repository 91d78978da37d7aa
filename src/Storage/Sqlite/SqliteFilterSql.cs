using Microsoft.Data.Sqlite;
using Pursearch.Core.Catalog;
using Pursearch.Core.Search;

namespace Pursearch.Storage.Sqlite;

/// <summary>Turns a <see cref="SearchFilter"/> into a SQL condition over the <c>products</c> table (alias <c>p</c>).</summary>
public static class SqliteFilterSql
{
    /// <summary>The purchasable availability states as a SQL list, for <c>availability IN (...)</c>.</summary>
    public static readonly string Purchasable = string.Join(", ",
        Enum.GetValues<Availability>().Where(a => a.IsPurchasable()).Select(a => $"'{a}'"));

    /// <summary>The condition (always valid SQL, <c>1</c> when nothing filters); its parameters are added to <paramref name="command"/>.</summary>
    public static string Where(SearchFilter filter, SqliteCommand command)
    {
        var conditions = new List<string> { "1" };
        if (!filter.IncludeUnavailable)
            conditions.Add($"p.availability IN ({Purchasable})");
        AddIn(conditions, command, "p.retailer", "$retailer", filter.Retailers);
        AddIn(conditions, command, "p.brand", "$brand", filter.Brands);
        AddIn(conditions, command, "p.style", "$style", filter.Styles);
        if (filter.HasPriceRange)
        {
            conditions.Add("price_in_range(p.price_amount, p.price_currency, $currency, $min_price, $max_price)");
            command.Parameters.AddWithValue("$currency", filter.Currency.Code);
            command.Parameters.AddWithValue("$min_price", Bound(filter.MinPrice));
            command.Parameters.AddWithValue("$max_price", Bound(filter.MaxPrice));
        }
        return string.Join(" AND ", conditions);
    }

    private static object Bound(decimal? value) => value is { } v ? SqliteValues.Decimal(v) : DBNull.Value;

    private static void AddIn(List<string> conditions, SqliteCommand command, string column, string prefix,
        IReadOnlyCollection<string> values)
    {
        if (values.Count == 0)
            return;
        var names = values.Select((value, i) =>
        {
            var name = $"{prefix}{i}";
            command.Parameters.AddWithValue(name, value);
            return name;
        });
        conditions.Add($"{column} IN ({string.Join(", ", names)})");
    }
}
