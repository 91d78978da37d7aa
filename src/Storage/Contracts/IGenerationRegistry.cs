using Pursearch.Core.Versions;

namespace Pursearch.Storage.Contracts;

/// <summary>
/// Index generations and the <c>live</c> alias. Once a generation has been live, readers always see exactly one live
/// generation: a flip moves the old one to Ready and the new one to Live in one step.
/// </summary>
public interface IGenerationRegistry
{
    /// <summary>Registers a Building or Ready generation of a registered space; an id already taken is a conflict.</summary>
    Task CreateAsync(IndexGeneration generation, CancellationToken cancel = default);

    Task<IndexGeneration?> GetAsync(string id, CancellationToken cancel = default);

    /// <summary>All generations, oldest first (then by id).</summary>
    Task<IReadOnlyList<IndexGeneration>> ListAsync(CancellationToken cancel = default);

    Task<IndexGeneration?> GetLiveAsync(CancellationToken cancel = default);

    /// <summary>Moves a generation to Ready or Retired. Live is reached only by <see cref="FlipLiveAsync"/>, and the live one can't be moved.</summary>
    Task SetStateAsync(string id, GenerationState state, CancellationToken cancel = default);

    /// <summary>Makes a Ready generation live and the previous live one Ready, atomically; flipping to the live one is a no-op.</summary>
    Task FlipLiveAsync(string id, CancellationToken cancel = default);
}
