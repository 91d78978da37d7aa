using Microsoft.Data.Sqlite;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;

namespace Pursearch.Storage.Sqlite;

/// <summary>Maps <see cref="Product"/> to and from rows of the <c>products</c> table.</summary>
public static class SqliteProductRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order, qualified by <paramref name="alias"/>.</summary>
    public static string Columns(string alias) => string.Join(", ",
        new[]
        {
            "id", "retailer", "sku", "brand", "name", "style", "family_id", "colour", "price_amount", "price_currency",
            "product_url", "image_url", "image_sha256", "availability", "first_seen", "last_seen",
        }.Select(c => $"{alias}.{c}"));

    public const int ColumnCount = 16;

    /// <summary>Reads a product from the reader's columns starting at <paramref name="first"/>.</summary>
    public static Product Read(SqliteDataReader row, int first = 0) =>
        new(new ProductId(row.GetString(first + 1), row.GetString(first + 2)),
            row.GetString(first + 3),
            row.GetString(first + 4),
            new Money(SqliteValues.Decimal(row.GetString(first + 8)), row.GetString(first + 9)),
            new Uri(row.GetString(first + 10)),
            new Uri(row.GetString(first + 11)),
            SqliteValues.Enum<Availability>(row.GetString(first + 13)),
            style: row.GetString(first + 5),
            familyId: row.GetString(first + 6),
            colour: row.GetString(first + 7),
            imageSha256: row.IsDBNull(first + 12) ? null : row.GetString(first + 12),
            firstSeen: SqliteValues.Time(row.GetInt64(first + 14)),
            lastSeen: SqliteValues.Time(row.GetInt64(first + 15)));

    public const string Upsert = """
        INSERT INTO products (id, retailer, sku, brand, name, style, family_id, colour, price_amount, price_currency,
                              product_url, image_url, image_sha256, availability, first_seen, last_seen)
        VALUES ($id, $retailer, $sku, $brand, $name, $style, $family_id, $colour, $price_amount, $price_currency,
                $product_url, $image_url, $image_sha256, $availability, $first_seen, $last_seen)
        ON CONFLICT (id) DO UPDATE SET
            brand = excluded.brand, name = excluded.name, style = excluded.style, family_id = excluded.family_id,
            colour = excluded.colour, price_amount = excluded.price_amount, price_currency = excluded.price_currency,
            product_url = excluded.product_url, image_url = excluded.image_url, image_sha256 = excluded.image_sha256,
            availability = excluded.availability, first_seen = excluded.first_seen, last_seen = excluded.last_seen
        """;

    /// <summary>Binds every column parameter of <see cref="Upsert"/>.</summary>
    public static void Bind(SqliteCommand command, Product product)
    {
        Set(command, "$id", product.Id.ToString());
        Set(command, "$retailer", product.Id.Retailer);
        Set(command, "$sku", product.Id.Sku);
        Set(command, "$brand", product.Brand);
        Set(command, "$name", product.Name);
        Set(command, "$style", product.Style);
        Set(command, "$family_id", product.FamilyId);
        Set(command, "$colour", product.Colour);
        Set(command, "$price_amount", SqliteValues.Decimal(product.Price.Amount));
        Set(command, "$price_currency", product.Price.Currency.Code);
        Set(command, "$product_url", product.ProductUrl.OriginalString);
        Set(command, "$image_url", product.ImageUrl.OriginalString);
        Set(command, "$image_sha256", product.ImageSha256);
        Set(command, "$availability", product.Availability.ToString());
        Set(command, "$first_seen", SqliteValues.Ticks(product.FirstSeen));
        Set(command, "$last_seen", SqliteValues.Ticks(product.LastSeen));
    }

    private static void Set(SqliteCommand command, string name, object? value)
    {
        if (command.Parameters.Contains(name))
            command.Parameters[name].Value = value ?? DBNull.Value;
        else
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
    }
}
