using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pursearch.Core;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>Scrape sources in the <c>scrape_sources</c> table, lists as JSON arrays.</summary>
public sealed class SqliteSourceRegistry(SqliteConnector connector) : ISourceRegistry
{
    private const string Columns =
        "name, retailer, start_urls, allowed_hosts, requests_per_second, max_pages, allow_private, schedule, created_at";

    public Task AddAsync(ScrapeSource source, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return connector.WriteAsync(write =>
        {
            if (write.Scalar("SELECT 1 FROM scrape_sources WHERE name = $name", ("$name", source.Name)) is not null)
                throw new StoreConflictException($"source '{source.Name}' already exists");
            write.Execute($"""
                    INSERT INTO scrape_sources ({Columns})
                    VALUES ($name, $retailer, $starts, $hosts, $rate, $pages, $private, $schedule, $created)
                    """,
                ("$name", source.Name), ("$retailer", source.Retailer),
                ("$starts", JsonSerializer.Serialize(source.StartUrls.Select(u => u.AbsoluteUri))),
                ("$hosts", JsonSerializer.Serialize(source.AllowedHosts)), ("$rate", source.RequestsPerSecond),
                ("$pages", source.MaxPages), ("$private", source.AllowPrivate ? 1 : 0), ("$schedule", source.Schedule),
                ("$created", SqliteValues.Ticks(source.CreatedAt)));
        }, cancel);
    }

    public Task<ScrapeSource?> GetAsync(string name, CancellationToken cancel = default)
    {
        var key = Guard.NotBlank(name, "name").ToLowerInvariant();
        return connector.ReadAsync(read =>
            read.Query($"SELECT {Columns} FROM scrape_sources WHERE name = $name", Read, ("$name", key)).SingleOrDefault(), cancel);
    }

    public Task<IReadOnlyList<ScrapeSource>> ListAsync(CancellationToken cancel = default) =>
        connector.ReadAsync<IReadOnlyList<ScrapeSource>>(read =>
            read.Query($"SELECT {Columns} FROM scrape_sources ORDER BY name", Read), cancel);

    public Task<bool> RemoveAsync(string name, CancellationToken cancel = default)
    {
        var key = Guard.NotBlank(name, "name").ToLowerInvariant();
        return connector.WriteAsync(write =>
        {
            write.Execute("DELETE FROM scrape_pages WHERE source = $name", ("$name", key));
            return write.Execute("DELETE FROM scrape_sources WHERE name = $name", ("$name", key)) > 0;
        }, cancel);
    }

    private static ScrapeSource Read(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1),
            JsonSerializer.Deserialize<string[]>(r.GetString(2))!.Select(u => new Uri(u)),
            JsonSerializer.Deserialize<string[]>(r.GetString(3)),
            r.GetDouble(4), r.GetInt32(5), r.GetInt64(6) != 0, r.IsDBNull(7) ? null : r.GetString(7),
            SqliteValues.Time(r.GetInt64(8)));
}
