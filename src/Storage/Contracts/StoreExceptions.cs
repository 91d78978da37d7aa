namespace Pursearch.Storage.Contracts;

/// <summary>A store operation that could not be done as asked; the message is one line a user can act on.</summary>
public class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The thing an operation needs does not exist.</summary>
public sealed class StoreNotFoundException(string what, string key)
    : StoreException($"{what} '{key}' does not exist")
{
    public string What { get; } = what;
    public string Key { get; } = key;
}

/// <summary>The operation contradicts what is stored (an id taken, a state that forbids the move).</summary>
public sealed class StoreConflictException(string message) : StoreException(message);

/// <summary>Image bytes over the store's size limit; nothing was stored.</summary>
public sealed class ImageTooLargeException(long maxBytes)
    : StoreException($"image is larger than the limit of {maxBytes} bytes")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>The database was written by a newer Pursearch: this code must not touch it.</summary>
public sealed class SchemaTooNewException(int databaseVersion, int codeVersion)
    : StoreException($"the store has schema version {databaseVersion} but this pursearch knows only up to {codeVersion}: upgrade pursearch")
{
    public int DatabaseVersion { get; } = databaseVersion;
    public int CodeVersion { get; } = codeVersion;
}

/// <summary>A store URI that is malformed or names a store this build cannot open.</summary>
public sealed class StoreUriException(string message) : StoreException(message);

/// <summary>Another writer held the store longer than the busy timeout; the write did not happen and may be retried.</summary>
public sealed class StoreBusyException(TimeSpan waited, Exception inner)
    : StoreException($"the store stayed busy with another writer for {waited.TotalSeconds:0.#} s; nothing was written", inner);
