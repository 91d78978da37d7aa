using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>Page states in the <c>scrape_pages</c> table (product ids as a JSON array), committed with their products.</summary>
public sealed class SqlitePageStates(SqliteConnector connector) : IPageStateStore
{
    public Task<PageCommit> CommitAsync(string source, PageBatch batch, CancellationToken cancel = default)
    {
        var key = Guard.NotBlank(source, "source").ToLowerInvariant();
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var page in batch.Fetched)
            Guard.NotBlank(page.Url, "url");
        return connector.WriteAsync(write =>
        {
            var outcomes = SqliteProductWriter.Upsert(write, [.. batch.Fetched.SelectMany(p => p.Products)], cancel);
            using var save = write.Command("""
                INSERT INTO scrape_pages (source, url, etag, last_modified, product_ids, seen_at)
                VALUES ($source, $url, $etag, $modified, $products, $seen)
                ON CONFLICT (source, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                    product_ids = excluded.product_ids, seen_at = excluded.seen_at
                """);
            foreach (var page in batch.Fetched)
            {
                Bind(save, ("$source", key), ("$url", page.Url), ("$etag", page.ETag),
                    ("$modified", page.LastModified is { } modified ? SqliteValues.Ticks(modified) : null),
                    ("$products", JsonSerializer.Serialize(page.Products.Select(p => p.Id.ToString()))),
                    ("$seen", SqliteValues.Ticks(batch.SeenAt)));
                save.ExecuteNonQuery();
            }
            return new PageCommit(outcomes, Touch(write, key, batch.Unchanged, batch.SeenAt));
        }, cancel);
    }

    public Task<IReadOnlyList<PageState>> ListAsync(string source, CancellationToken cancel = default)
    {
        var key = Guard.NotBlank(source, "source").ToLowerInvariant();
        return connector.ReadAsync<IReadOnlyList<PageState>>(read => read.Query("""
                SELECT url, etag, last_modified, product_ids, seen_at FROM scrape_pages WHERE source = $source ORDER BY url
                """, r => new PageState(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : SqliteValues.Time(r.GetInt64(2)),
                JsonSerializer.Deserialize<string[]>(r.GetString(3))!.Select(ProductId.Parse).ToList(),
                SqliteValues.Time(r.GetInt64(4))), ("$source", key)), cancel);
    }

    public Task<int> ForgetAsync(string source, CancellationToken cancel = default)
    {
        var key = Guard.NotBlank(source, "source").ToLowerInvariant();
        return connector.WriteAsync(write => write.Execute("DELETE FROM scrape_pages WHERE source = $source", ("$source", key)), cancel);
    }

    private static int Touch(SqliteWrite write, string source, IReadOnlyList<string> urls, DateTimeOffset seenAt)
    {
        if (urls.Count == 0)
            return 0;
        using var products = write.Command("""
            UPDATE products SET last_seen = $seen
            WHERE last_seen < $seen AND id IN (
                SELECT j.value FROM scrape_pages p, json_each(p.product_ids) j WHERE p.source = $source AND p.url = $url)
            """);
        using var page = write.Command("UPDATE scrape_pages SET seen_at = $seen WHERE source = $source AND url = $url");
        var touched = 0;
        foreach (var url in urls)
        {
            Bind(products, ("$seen", SqliteValues.Ticks(seenAt)), ("$source", source), ("$url", url));
            touched += products.ExecuteNonQuery();
            Bind(page, ("$seen", SqliteValues.Ticks(seenAt)), ("$source", source), ("$url", url));
            page.ExecuteNonQuery();
        }
        return touched;
    }

    private static void Bind(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name))
                command.Parameters[name].Value = value ?? DBNull.Value;
            else
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}
