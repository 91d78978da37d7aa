using Pursearch.Indexer.CatalogImport;
using Pursearch.Indexer.Embedding;
using Pursearch.Storage;
using Pursearch.Storage.Sqlite;

namespace Pursearch.Indexer.Tests.Embedding;

/// <summary>A temp data dir with a SQLite store and a small Forge-shaped dir beside it; disposed with everything in it.</summary>
internal sealed class IngestWorld : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private IngestWorld(TempDirectory directory, SqliteStore store, ForgeDirectory forge)
    {
        _directory = directory;
        Store = store;
        Forge = forge;
    }

    public SqliteStore Store { get; }
    public ForgeDirectory Forge { get; }

    public static async Task<IngestWorld> CreateAsync(int products)
    {
        var directory = new TempDirectory();
        var store = await SqliteStore.OpenAsync(directory.Combine("data", "catalog.db"), new StoreOptions(directory.Combine("data")));
        var forge = new ForgeDirectory(directory.Combine("forge"), products);
        return new IngestWorld(directory, store, forge);
    }

    public Task<CatalogImportResult> ImportAsync() => new ForgeCatalogImporter(Store, batchSize: 7).ImportAsync(Forge.Path);

    public EmbeddingPipeline Pipeline(EmbeddingFixture fixture, EmbeddingPipelineOptions? options = null) =>
        new(Store, fixture.Embedder, options ?? new EmbeddingPipelineOptions { BatchSize = 4 }, fixture.System);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
