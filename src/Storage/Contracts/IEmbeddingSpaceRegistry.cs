using Pursearch.Core.Versions;

namespace Pursearch.Storage.Contracts;

/// <summary>The embedding spaces vectors are stored in.</summary>
public interface IEmbeddingSpaceRegistry
{
    /// <summary>Registers a space; registering the same definition again is a no-op, a different one a conflict.</summary>
    Task RegisterAsync(EmbeddingSpace space, CancellationToken cancel = default);

    Task<EmbeddingSpace?> GetAsync(string id, CancellationToken cancel = default);

    /// <summary>All spaces in ordinal id order.</summary>
    Task<IReadOnlyList<EmbeddingSpace>> ListAsync(CancellationToken cancel = default);
}
