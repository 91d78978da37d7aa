namespace Pursearch.Indexer.Embedding;

/// <summary>
/// Where an embedding run delivers vectors after storing them: the search node applies them to its index shards.
/// Called with one batch at a time and awaited before the next (back-pressure); an exception fails the run, because
/// an index that cannot take vectors is not a bad image. The store already holds every vector handed here, so an index
/// that missed some can always catch up from the store.
/// </summary>
public interface IVectorSink
{
    Task ApplyAsync(IReadOnlyList<EmbeddedProduct> batch, CancellationToken cancel);
}
