namespace Pursearch.Index;

/// <summary>One row to index: the product and its embedding (any length-normalisation; the shard normalises).</summary>
public sealed record ShardRecord(IndexedProduct Product, float[] Vector);
