using Pursearch.Storage.Contracts;
using Pursearch.Storage.Tests.Contract;

namespace Pursearch.Storage.Tests.Sqlite;

public sealed class SqliteSourceRegistryContractTests : SourceRegistryContract
{
    protected override Task<IStore> OpenStoreAsync(StoreOptions options) => SqliteStores.OpenAsync(options);
}

public sealed class SqlitePageStateContractTests : PageStateContract
{
    protected override Task<IStore> OpenStoreAsync(StoreOptions options) => SqliteStores.OpenAsync(options);
}
