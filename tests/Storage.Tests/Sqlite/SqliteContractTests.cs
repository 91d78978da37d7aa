using Pursearch.Storage.Contracts;
using Pursearch.Storage.Sqlite;
using Pursearch.Storage.Tests.Contract;

namespace Pursearch.Storage.Tests.Sqlite;

/// <summary>Opens the SQLite store the way the host does: <c>sqlite:{data}/catalog.db</c>.</summary>
internal static class SqliteStores
{
    public static async Task<IStore> OpenAsync(StoreOptions options) =>
        await SqliteStore.OpenAsync(Path.Combine(options.DataDirectory, "catalog.db"), options);
}

public sealed class SqliteCatalogContractTests : CatalogContract
{
    protected override Task<IStore> OpenStoreAsync(StoreOptions options) => SqliteStores.OpenAsync(options);
}

public sealed class SqliteChangeFeedContractTests : ChangeFeedContract
{
    protected override Task<IStore> OpenStoreAsync(StoreOptions options) => SqliteStores.OpenAsync(options);
}

public sealed class SqliteEmbeddingContractTests : EmbeddingContract
{
    protected override Task<IStore> OpenStoreAsync(StoreOptions options) => SqliteStores.OpenAsync(options);
}

public sealed class SqliteRegistryContractTests : RegistryContract
{
    protected override Task<IStore> OpenStoreAsync(StoreOptions options) => SqliteStores.OpenAsync(options);
}

public sealed class SqliteScrapeRunContractTests : ScrapeRunContract
{
    protected override Task<IStore> OpenStoreAsync(StoreOptions options) => SqliteStores.OpenAsync(options);
}

public sealed class SqliteImageContractTests : ImageContract
{
    protected override Task<IStore> OpenStoreAsync(StoreOptions options) => SqliteStores.OpenAsync(options);
}

public sealed class SqliteOverviewContractTests : OverviewContract
{
    protected override Task<IStore> OpenStoreAsync(StoreOptions options) => SqliteStores.OpenAsync(options);
}
