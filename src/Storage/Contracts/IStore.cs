namespace Pursearch.Storage.Contracts;

/// <summary>The source of truth: one store composed of focused parts that share one change sequence.</summary>
public interface IStore : IAsyncDisposable
{
    /// <summary>How to reach this store again, e.g. <c>sqlite:/data/catalog.db</c> (credentials removed).</summary>
    string Location { get; }

    ICatalogStore Catalog { get; }
    IChangeFeed Changes { get; }
    IEmbeddingStore Embeddings { get; }
    IEmbeddingSpaceRegistry Spaces { get; }
    IModelRegistry Models { get; }
    IGenerationRegistry Generations { get; }
    IScrapeRunLog ScrapeRuns { get; }
    IImageStore Images { get; }

    /// <summary>Schema version, counts and the current change sequence, read as one consistent view.</summary>
    Task<StoreOverview> DescribeAsync(CancellationToken cancel = default);
}
