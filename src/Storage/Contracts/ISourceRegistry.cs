namespace Pursearch.Storage.Contracts;

/// <summary>The registered scrape sources, by name.</summary>
public interface ISourceRegistry
{
    /// <summary>Registers a source; a name already taken is a conflict.</summary>
    Task AddAsync(ScrapeSource source, CancellationToken cancel = default);

    Task<ScrapeSource?> GetAsync(string name, CancellationToken cancel = default);

    /// <summary>All sources in name order.</summary>
    Task<IReadOnlyList<ScrapeSource>> ListAsync(CancellationToken cancel = default);

    /// <summary>Removes a source and the page states of its crawls (its products and runs stay); false when there was none.</summary>
    Task<bool> RemoveAsync(string name, CancellationToken cancel = default);
}
