using Pursearch.Storage.Contracts;
using Pursearch.Storage.Sqlite;

namespace Pursearch.Storage;

/// <summary>Opens the store a <see cref="StoreUri"/> names.</summary>
public static class StoreFactory
{
    /// <summary>Opens the store; with <c>createIfMissing: false</c> a SQLite file that does not exist is reported, not created.</summary>
    public static async Task<IStore> OpenAsync(StoreUri uri, StoreOptions options, bool createIfMissing = true,
        CancellationToken cancel = default) =>
        uri.Kind switch
        {
            StoreKind.Sqlite when !createIfMissing && !File.Exists(uri.Target) =>
                throw new StoreNotFoundException("store", uri.ToString()),
            StoreKind.Sqlite => await SqliteStore.OpenAsync(uri.Target, options, cancel),
            _ => throw new StoreUriException(
                $"MongoDB stores are not built yet ({uri}): use sqlite:PATH for now"),
        };
}
