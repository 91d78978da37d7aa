using Pursearch.Storage.Contracts;
using Pursearch.Storage.Files;

namespace Pursearch.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite database in WAL mode (safe for several processes, each write one transaction)
/// plus image files under the data dir. Opening it applies pending schema migrations.
/// </summary>
public sealed class SqliteStore : IStore, IScrapeStateStore
{
    private readonly SqliteConnector _connector;

    private SqliteStore(SqliteConnector connector, StoreOptions options)
    {
        _connector = connector;
        Catalog = new SqliteCatalog(connector);
        Changes = new SqliteChangeFeed(connector);
        Embeddings = new SqliteEmbeddings(connector);
        Spaces = new SqliteSpaceRegistry(connector);
        Models = new SqliteModelRegistry(connector);
        Generations = new SqliteGenerationRegistry(connector);
        ScrapeRuns = new SqliteScrapeRunLog(connector);
        Images = new SqliteImageStore(connector, new ContentAddressedFiles(options.ImagesDirectory), options.MaxImageBytes);
        Sources = new SqliteSourceRegistry(connector);
        Pages = new SqlitePageStates(connector);
    }

    /// <summary>Opens (creating if needed) the database at <paramref name="databasePath"/> and migrates it.</summary>
    /// <exception cref="SchemaTooNewException">The database was written by a newer Pursearch.</exception>
    public static async Task<SqliteStore> OpenAsync(string databasePath, StoreOptions options,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connector = new SqliteConnector(databasePath, options);
        Directory.CreateDirectory(Path.GetDirectoryName(connector.DatabasePath)!);
        await Task.Run(() =>
        {
            using var connection = connector.Open();
            SqliteJournal.UseWriteAheadLog(connection);
            new SqliteMigrator(SqliteSchema.Migrations).Migrate(connection);
        }, cancel);
        return new SqliteStore(connector, options);
    }

    public string Location => $"sqlite:{_connector.DatabasePath}";
    public string DatabasePath => _connector.DatabasePath;

    public ICatalogStore Catalog { get; }
    public IChangeFeed Changes { get; }
    public IEmbeddingStore Embeddings { get; }
    public IEmbeddingSpaceRegistry Spaces { get; }
    public IModelRegistry Models { get; }
    public IGenerationRegistry Generations { get; }
    public IScrapeRunLog ScrapeRuns { get; }
    public IImageStore Images { get; }
    public ISourceRegistry Sources { get; }
    public IPageStateStore Pages { get; }

    public Task<StoreOverview> DescribeAsync(CancellationToken cancel = default) =>
        _connector.ReadAsync(read =>
        {
            long Count(string sql) => Convert.ToInt64(read.Scalar(sql));
            var embeddings = read.Query("""
                    SELECT s.id, (SELECT count(*) FROM embeddings e WHERE e.space_id = s.id)
                    FROM embedding_spaces s ORDER BY s.id
                    """, r => (Space: r.GetString(0), Count: r.GetInt64(1)))
                .ToDictionary(e => e.Space, e => e.Count, StringComparer.Ordinal);
            return new StoreOverview(
                Location,
                SqliteMigrator.CurrentVersion(read.Connection, read.Transaction),
                Count("SELECT count(*) FROM products"),
                Count($"SELECT count(*) FROM products WHERE availability IN ({SqliteFilterSql.Purchasable})"),
                embeddings,
                Count("SELECT count(*) FROM index_generations"),
                read.Scalar("SELECT id FROM index_generations WHERE state = 'Live'") as string,
                Count("SELECT count(*) FROM model_versions"),
                read.Scalar("SELECT model_id FROM model_promotions ORDER BY position DESC LIMIT 1") as string,
                Count("SELECT count(*) FROM images"),
                Count("SELECT count(*) FROM scrape_runs"),
                SqliteChangeFeed.Current(read));
        }, cancel);

    public ValueTask DisposeAsync()
    {
        _connector.ClosePooled();
        return ValueTask.CompletedTask;
    }
}
