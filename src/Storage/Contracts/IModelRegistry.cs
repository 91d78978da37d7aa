using Pursearch.Core.Versions;

namespace Pursearch.Storage.Contracts;

/// <summary>Registered model versions and the <c>live</c> alias, with a promotion history to roll back through.</summary>
public interface IModelRegistry
{
    /// <summary>Registers a new version of a registered space; an id already taken is a conflict.</summary>
    Task RegisterAsync(ModelVersion model, CancellationToken cancel = default);

    Task<ModelVersion?> GetAsync(string id, CancellationToken cancel = default);

    /// <summary>All versions, oldest first (then by id).</summary>
    Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken cancel = default);

    Task<ModelVersion?> GetLiveAsync(CancellationToken cancel = default);

    /// <summary>Points <c>live</c> at a registered version; promoting the live version again changes nothing.</summary>
    Task PromoteAsync(string id, CancellationToken cancel = default);

    /// <summary>Points <c>live</c> back at the version that was live before the last promotion, and returns it.</summary>
    Task<ModelVersion> RollbackAsync(CancellationToken cancel = default);
}
