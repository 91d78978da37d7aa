using Pursearch.Core.Versions;
using Pursearch.Index;

namespace Pursearch.SearchNode.Shards;

/// <summary>The loaded shards of one generation, indexed by shard number.</summary>
public sealed class ShardSet(IndexGeneration generation, IReadOnlyList<IndexShard> shards) : IDisposable
{
    public IndexGeneration Generation { get; } = generation.ShardCount == shards.Count
        ? generation
        : throw new ArgumentException($"generation {generation.Id} has {generation.ShardCount} shards, {shards.Count} given");

    public IReadOnlyList<IndexShard> Shards { get; } = shards;

    public long Sequence => Shards.Count == 0 ? 0 : Shards.Min(s => s.Sequence);

    public IReadOnlyList<ShardStatus> Status() =>
        [.. Shards.Select((s, i) => new ShardStatus(Generation.Id, i, s.Count, s.Sequence))];

    public void Dispose()
    {
        foreach (var shard in Shards)
            shard.Dispose();
    }
}
