namespace Pursearch.Core.Versions;

/// <summary>Lifecycle of an index generation, built beside the live one and flipped in atomically.</summary>
public enum GenerationState
{
    Building,
    Ready,
    Live,
    Retired,
}

/// <summary>One embedding space spread over a fixed number of shards; queries pin to one generation.</summary>
public sealed record IndexGeneration
{
    public string Id { get; }
    public string EmbeddingSpaceId { get; }
    public int ShardCount { get; }
    public GenerationState State { get; }
    public DateTimeOffset CreatedAt { get; }

    public IndexGeneration(string id, string embeddingSpaceId, int shardCount, GenerationState state,
        DateTimeOffset createdAt)
    {
        Id = VersionId.Check(id, "generation");
        EmbeddingSpaceId = VersionId.Check(embeddingSpaceId, "embeddingSpace");
        ShardCount = shardCount is > 0 and <= 4096
            ? shardCount
            : throw new DomainException("shardCount", $"{shardCount} is out of range 1..4096");
        State = state;
        CreatedAt = createdAt;
    }

    /// <summary>The entity id of one shard: <c>{generation}/{shard}</c>.</summary>
    public string ShardEntityId(int shard) =>
        shard >= 0 && shard < ShardCount
            ? $"{Id}/{shard}"
            : throw new DomainException("shard", $"{shard} is out of range 0..{ShardCount - 1}");

    public IndexGeneration WithState(GenerationState state) => new(Id, EmbeddingSpaceId, ShardCount, state, CreatedAt);
}
