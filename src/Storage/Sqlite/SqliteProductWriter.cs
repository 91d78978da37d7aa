using Microsoft.Data.Sqlite;
using Pursearch.Core.Catalog;
using Pursearch.Storage.Catalog;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>Upserts products inside a write transaction through <see cref="ProductMerge"/>, recording a change for each one that changed.</summary>
public static class SqliteProductWriter
{
    private static readonly string SelectById = $"SELECT {SqliteProductRows.Columns("p")} FROM products p WHERE p.id = $id";

    public static UpsertOutcome[] Upsert(SqliteWrite write, IReadOnlyList<Product> products, CancellationToken cancel)
    {
        using var select = write.Command(SelectById);
        var id = select.Parameters.Add("$id", SqliteType.Text);
        using var upsert = write.Command(SqliteProductRows.Upsert);
        var outcomes = new UpsertOutcome[products.Count];
        for (var i = 0; i < products.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            id.Value = products[i].Id.ToString();
            var existing = SqliteSession.Query(select, r => SqliteProductRows.Read(r)).SingleOrDefault();
            var (stored, outcome) = ProductMerge.Merge(existing, products[i]);
            SqliteProductRows.Bind(upsert, stored);
            upsert.ExecuteNonQuery();
            if (outcome != UpsertOutcome.Unchanged)
                write.RecordChange(ChangeKind.Product, stored.Id.ToString());
            outcomes[i] = outcome;
        }
        return outcomes;
    }
}
