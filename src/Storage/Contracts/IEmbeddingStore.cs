using Pursearch.Core.Catalog;

namespace Pursearch.Storage.Contracts;

/// <summary>Vectors keyed by (product, embedding space), each remembering the image it was made from.</summary>
public interface IEmbeddingStore
{
    /// <summary>Stores or replaces one vector; the product and the space must exist and the length must match.</summary>
    Task PutAsync(EmbeddingWrite embedding, CancellationToken cancel = default);

    /// <summary>Stores a batch in one transaction (all or nothing).</summary>
    Task PutManyAsync(IReadOnlyList<EmbeddingWrite> embeddings, CancellationToken cancel = default);

    Task<StoredEmbedding?> GetAsync(ProductId id, string spaceId, CancellationToken cancel = default);

    /// <summary>
    /// Products with a stored image that have no vector in the space yet, or whose image changed since their vector
    /// was made; ordinal id order after <paramref name="after"/>.
    /// </summary>
    Task<IReadOnlyList<Product>> ListNeedingAsync(string spaceId, ProductId? after, int limit, CancellationToken cancel = default);

    /// <summary>
    /// Every vector of the space whose product falls in <paramref name="shard"/> of <paramref name="shardCount"/>
    /// (<see cref="ShardFunction"/>), with its product, in ordinal id order, read in bounded chunks. Read the
    /// change sequence before streaming and catch up from it afterwards: the stream is not one snapshot.
    /// </summary>
    IAsyncEnumerable<ShardVector> StreamShardAsync(string spaceId, int shard, int shardCount, CancellationToken cancel = default);

    Task<long> CountAsync(string spaceId, CancellationToken cancel = default);
}
