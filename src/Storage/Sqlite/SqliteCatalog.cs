using Microsoft.Data.Sqlite;
using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Search;
using Pursearch.Storage.Catalog;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>The catalog in the <c>products</c> table.</summary>
public sealed class SqliteCatalog(SqliteConnector connector) : ICatalogStore
{
    public const int MaxPageSize = 1000;

    private static readonly string SelectById = $"SELECT {SqliteProductRows.Columns("p")} FROM products p WHERE p.id = $id";

    public async Task<UpsertOutcome> UpsertAsync(Product product, CancellationToken cancel = default) =>
        (await UpsertManyAsync([product], cancel))[0];

    public Task<IReadOnlyList<UpsertOutcome>> UpsertManyAsync(IReadOnlyList<Product> products,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        if (products.Count == 0)
            return Task.FromResult<IReadOnlyList<UpsertOutcome>>([]);
        return connector.WriteAsync<IReadOnlyList<UpsertOutcome>>(write => SqliteProductWriter.Upsert(write, products, cancel), cancel);
    }

    public Task<Product?> GetAsync(ProductId id, CancellationToken cancel = default) =>
        connector.ReadAsync(read => read.Query(SelectById, r => SqliteProductRows.Read(r), ("$id", id.ToString()))
            .SingleOrDefault(), cancel);

    public Task<int> MarkUnavailableAsync(string retailer, DateTimeOffset notSeenSince, CancellationToken cancel = default)
    {
        var slug = RetailerSlug.Normalize(retailer);
        return connector.WriteAsync(write =>
        {
            var marked = write.Query("""
                    UPDATE products SET availability = $gone
                    WHERE retailer = $retailer AND last_seen < $since AND availability <> $gone
                    RETURNING id
                    """, r => r.GetString(0),
                ("$gone", nameof(Availability.Discontinued)), ("$retailer", slug),
                ("$since", SqliteValues.Ticks(notSeenSince)));
            foreach (var id in marked)
                write.RecordChange(ChangeKind.Product, id);
            return marked.Count;
        }, cancel);
    }

    public Task<ProductPage> PageAsync(SearchFilter filter, ProductId? after, int limit, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (limit is < 1 or > MaxPageSize)
            throw new DomainException("limit", $"{limit} is out of range 1..{MaxPageSize}");
        return connector.ReadAsync(read =>
        {
            using var select = read.Command("");
            var where = SqliteFilterSql.Where(filter, select);
            select.CommandText = $"""
                SELECT {SqliteProductRows.Columns("p")} FROM products p
                WHERE {where} AND p.id > $after ORDER BY p.id LIMIT $limit
                """;
            select.Parameters.AddWithValue("$after", after?.ToString() ?? "");
            select.Parameters.AddWithValue("$limit", limit + 1);
            var items = SqliteSession.Query(select, r => SqliteProductRows.Read(r));
            return items.Count > limit
                ? new ProductPage(items.GetRange(0, limit), items[limit - 1].Id)
                : new ProductPage(items, null);
        }, cancel);
    }

    public Task<CatalogFacets> FacetsAsync(SearchFilter filter, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return connector.ReadAsync(read =>
        {
            var facets = new SqliteFacetQuery(read, filter);
            return new CatalogFacets(filter.Currency, facets.Total(), facets.Values("p.retailer"),
                facets.Values("p.brand"), facets.Values("p.style"), facets.PriceBuckets());
        }, cancel);
    }
}
