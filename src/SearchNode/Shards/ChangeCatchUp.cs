using Pursearch.Core.Catalog;
using Pursearch.Index;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Shards;

/// <summary>What one pass over the change feed did: changes applied to shards, and whether the live model or
/// generation alias moved (the caller reloads those).</summary>
public sealed record CatchUpResult(int Applied, long Sequence, bool ModelChanged, bool GenerationChanged, bool CatalogChanged);

/// <summary>
/// Brings the shards of a generation up to the store's change sequence: each product or embedding change of the
/// generation's space is re-read from the store (the feed keeps keys, not values) and applied to its shard as an
/// upsert, a reprice or a removal; every shard then records the sequence it is current through.
/// </summary>
public sealed class ChangeCatchUp(IStore store, int batchSize = 1000)
{
    public async Task<CatchUpResult> RunAsync(ShardSet set, CancellationToken cancel)
    {
        var (applied, model, generation, catalog) = (0, false, false, false);
        var from = set.Sequence;
        while (true)
        {
            var changes = await store.Changes.ChangesSinceAsync(from, batchSize, cancel);
            if (changes.Count == 0)
                break;
            var perShard = new List<ShardChange>[set.Shards.Count];
            for (var i = 0; i < perShard.Length; i++)
                perShard[i] = [];
            foreach (var change in changes)
            {
                model |= change.Kind == ChangeKind.ModelAlias;
                generation |= change.Kind == ChangeKind.GenerationAlias;
                catalog |= change.Kind == ChangeKind.Product;
                if (await ToShardChangeAsync(set, change, cancel) is { } shardChange)
                    perShard[ShardOf(shardChange, set.Generation.ShardCount)].Add(shardChange);
            }
            from = changes[^1].Sequence;
            for (var shard = 0; shard < perShard.Length; shard++)
            {
                applied += set.Shards[shard].ApplyChanges(perShard[shard]);
                // An empty upsert records that the shard is current through this batch even if none of it was its.
                set.Shards[shard].UpsertRange([], from);
            }
        }
        return new CatchUpResult(applied, from, model, generation, catalog);
    }

    private async Task<ShardChange?> ToShardChangeAsync(ShardSet set, ChangeRecord change, CancellationToken cancel)
    {
        var space = set.Generation.EmbeddingSpaceId;
        switch (change.Kind)
        {
            case ChangeKind.Embedding:
                var (spaceId, embedded) = ChangeKeys.ParseEmbedding(change.Key);
                return spaceId == space ? await ReadAsync(set, change.Sequence, embedded, space, vectorChanged: true, cancel) : null;
            case ChangeKind.Product when ProductId.TryParse(change.Key, out var id):
                return await ReadAsync(set, change.Sequence, id, space, vectorChanged: false, cancel);
            default:
                return null;
        }
    }

    private async Task<ShardChange?> ReadAsync(ShardSet set, long sequence, ProductId id, string space, bool vectorChanged,
        CancellationToken cancel)
    {
        var shard = set.Shards[ShardFunction.ShardOf(id, set.Generation.ShardCount)];
        var product = await store.Catalog.GetAsync(id, cancel);
        if (product is null)
            return shard.Contains(id) ? new ShardChange.Remove(sequence, id) : null;
        var indexed = IndexedProduct.From(product);
        if (!vectorChanged && shard.Find(id) is { } held && held.WithListing(product.Price, product.Availability) == indexed)
            return held == indexed ? null : new ShardChange.Reprice(sequence, id, product.Price, product.Availability);
        var embedding = await store.Embeddings.GetAsync(id, space, cancel);
        return embedding is null ? null : new ShardChange.Upsert(sequence, indexed, embedding.Vector);
    }

    private static int ShardOf(ShardChange change, int shardCount) => change switch
    {
        ShardChange.Upsert u => ShardFunction.ShardOf(u.Product.Id, shardCount),
        ShardChange.Reprice r => ShardFunction.ShardOf(r.Id, shardCount),
        ShardChange.Remove r => ShardFunction.ShardOf(r.Id, shardCount),
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };
}
