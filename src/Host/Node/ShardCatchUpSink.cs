using Pursearch.Indexer.Embedding;
using Pursearch.SearchNode.Shards;

namespace Pursearch.Host.Node;

/// <summary>The sink of an embedding run inside a running node: the vectors are in the store when a batch arrives, so
/// the node's shards catch up from the change feed at once instead of waiting for the next refresh.</summary>
public sealed class ShardCatchUpSink(LocalShardHost shards) : IVectorSink
{
    public async Task ApplyAsync(IReadOnlyList<EmbeddedProduct> batch, CancellationToken cancel) =>
        await shards.CatchUpAsync(cancel);
}
