using Pursearch.Core.Versions;
using Pursearch.Index;

namespace Pursearch.SearchNode.Shards;

/// <summary>
/// The shards of the live generation as this node reaches them: in-process (<see cref="LocalShardHost"/>) on one
/// machine, cluster-sharded entities later. Scatter-gather and HTTP only talk to this interface.
/// </summary>
public interface IShardHost
{
    /// <summary>The generation queries should pin to now; null until one is live and loaded.</summary>
    IndexGeneration? LiveGeneration { get; }

    /// <summary>Queries one shard of a generation; fails with <see cref="ShardUnavailableException"/> when it is not
    /// hosted (any more).</summary>
    Task<ShardAnswer> SearchAsync(IndexGeneration generation, int shard, ShardQuery query, CancellationToken cancel);

    /// <summary>Size and change sequence of every hosted shard of the live generation.</summary>
    IReadOnlyList<ShardStatus> Status();
}

/// <summary>One hosted shard: how many vectors it holds and the store sequence it reflects.</summary>
public sealed record ShardStatus(string Generation, int Shard, int Vectors, long Sequence);

/// <summary>A shard that cannot answer: not loaded, or its generation is no longer hosted.</summary>
public sealed class ShardUnavailableException(string entity, string reason)
    : Exception($"shard {entity} is unavailable: {reason}")
{
    public string Entity { get; } = entity;
}
