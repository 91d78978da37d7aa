using Pursearch.Core.Money;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Tests.Contract;

/// <summary>
/// The base of the store contract suites: every test gets a fresh, empty store from the implementation's factory.
/// Implementations derive one class per suite and only say how to open a store.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    protected const long MaxImageBytes = 64 * 1024;

    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "pursearch-store-tests", Guid.NewGuid().ToString("N"));

    protected IStore Store { get; private set; } = null!;

    /// <summary>Opens a new, empty store with these options.</summary>
    protected abstract Task<IStore> OpenStoreAsync(StoreOptions options);

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        Store = await OpenStoreAsync(new StoreOptions(_dataDirectory, MaxImageBytes, ExchangeRates.Default));
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
