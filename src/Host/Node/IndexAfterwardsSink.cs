using Pursearch.Indexer.Embedding;

namespace Pursearch.Host.Node;

/// <summary>The sink of an embedding run made before any node runs (<c>up --demo</c> preparing): the store already holds
/// every vector, and the index generation is built from the store right after, so nothing is applied here.</summary>
public sealed class IndexAfterwardsSink : IVectorSink
{
    public Task ApplyAsync(IReadOnlyList<EmbeddedProduct> batch, CancellationToken cancel) => Task.CompletedTask;
}
