namespace Pursearch.Storage.Contracts;

/// <summary>
/// The scraping state a store keeps beside the catalog: registered sources and the page states of their crawls. A
/// separate contract from <see cref="IStore"/>, which stores that do not scrape need not implement.
/// </summary>
public interface IScrapeStateStore
{
    ISourceRegistry Sources { get; }
    IPageStateStore Pages { get; }
}

/// <summary>Finds the scraping state of a store.</summary>
public static class ScrapeState
{
    /// <exception cref="StoreException">The store keeps no scraping state.</exception>
    public static IScrapeStateStore Of(IStore store) =>
        store as IScrapeStateStore
        ?? throw new StoreException($"the store {store.Location} keeps no scrape sources or page states");
}
