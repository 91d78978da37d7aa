using System.IO.Hashing;
using System.Text;
using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Index.Columns;

namespace Pursearch.Index.Snapshots;

/// <summary>
/// The rows of a snapshot in a compact binary file: for each row number, whether it is live and, if so, the
/// product's fields and its price in the base currency. Row numbers are the graph's keys, so they are kept.
/// </summary>
internal static class ColumnsFile
{
    private const string Magic = "PURSEARCH-COLUMNS";
    private const int Version = 1;

    /// <summary>A live row as read back.</summary>
    public readonly record struct StoredRow(int Row, IndexedProduct Product, float PriceInBase);

    public static void Write(string path, ShardColumns columns)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(columns.RowCount);
        for (var row = 0; row < columns.RowCount; row++)
        {
            var product = columns.ProductAt(row);
            writer.Write(product is not null);
            if (product is not null)
                WriteRow(writer, product, columns.PriceAt(row));
        }
    }

    public static string Checksum(string path)
    {
        var hash = new XxHash64();
        using (var stream = File.OpenRead(path))
            hash.Append(stream);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    public static (int RowCount, List<StoredRow> Rows) Read(string path, string directory)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != Version)
                throw new ShardSnapshotException(directory, $"{Path.GetFileName(path)} is not a columns file of version {Version}");
            var rowCount = reader.ReadInt32();
            if (rowCount < 0)
                throw new ShardSnapshotException(directory, "negative row count");
            var rows = new List<StoredRow>();
            var currencies = new Dictionary<string, Currency>(StringComparer.Ordinal);
            for (var row = 0; row < rowCount; row++)
                if (reader.ReadBoolean())
                    rows.Add(ReadRow(reader, row, currencies));
            return (rowCount, rows);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or DomainException or FormatException)
        {
            throw new ShardSnapshotException(directory, $"{Path.GetFileName(path)} is corrupt: {e.Message}", e);
        }
    }

    private static void WriteRow(BinaryWriter writer, IndexedProduct product, float priceInBase)
    {
        writer.Write(product.Id.ToString());
        writer.Write(product.Brand);
        writer.Write(product.Name);
        writer.Write(product.Style);
        writer.Write(product.FamilyId);
        writer.Write(product.Price.Amount);
        writer.Write(product.Price.Currency.Code);
        writer.Write((byte)product.Availability);
        writer.Write(product.ProductUrl);
        writer.Write(product.ImageSha256 ?? "");
        writer.Write(priceInBase);
    }

    private static StoredRow ReadRow(BinaryReader reader, int row, Dictionary<string, Currency> currencies)
    {
        var id = ProductId.Parse(reader.ReadString());
        var brand = reader.ReadString();
        var name = reader.ReadString();
        var style = reader.ReadString();
        var family = reader.ReadString();
        var amount = reader.ReadDecimal();
        var code = reader.ReadString();
        if (!currencies.TryGetValue(code, out var currency))
            currencies.Add(code, currency = new Currency(code));
        var price = new Money(amount, currency);
        var availability = (Availability)reader.ReadByte();
        var url = reader.ReadString();
        var image = reader.ReadString();
        var product = IndexedProduct.FromSnapshot(id, brand, name, style, family, price, availability, url,
            image.Length == 0 ? null : image);
        return new StoredRow(row, product, reader.ReadSingle());
    }
}
