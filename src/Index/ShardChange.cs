using Pursearch.Core.Catalog;
using Pursearch.Core.Money;

namespace Pursearch.Index;

/// <summary>
/// One change from the store's change log, stamped with the store's sequence. A shard applies only changes
/// newer than the sequence it holds, which is how a snapshot catches up.
/// </summary>
public abstract record ShardChange
{
    // Only the three kinds below exist: the shard applies each of them and nothing else.
    private ShardChange(long sequence) => Sequence = sequence;

    public long Sequence { get; }

    /// <summary>A new product, or a new image (embedding) for a known one: replaces the row.</summary>
    public sealed record Upsert(long Sequence, IndexedProduct Product, float[] Vector) : ShardChange(Sequence);

    /// <summary>A new price or stock state; the vector is untouched.</summary>
    public sealed record Reprice(long Sequence, ProductId Id, Money Price, Availability Availability)
        : ShardChange(Sequence);

    /// <summary>The product is gone.</summary>
    public sealed record Remove(long Sequence, ProductId Id) : ShardChange(Sequence);
}
