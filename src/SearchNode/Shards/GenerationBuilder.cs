using Pursearch.Core.Versions;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Shards;

/// <summary>
/// Builds a new index generation beside the live one: registers it Building, builds and snapshots every shard from
/// the store's vectors of the space, checks that the shards hold every vector, marks it Ready and flips the live
/// alias. Nodes following the change feed then load it from its snapshots.
/// </summary>
public sealed class GenerationBuilder(IStore store, ShardLoader loader)
{
    public const int DefaultShardCount = 8;

    public async Task<IndexGeneration> BuildAsync(string spaceId, int shardCount, IProgress<double>? progress,
        CancellationToken cancel)
    {
        var existing = await store.Generations.ListAsync(cancel);
        var generation = new IndexGeneration(NextId(existing), spaceId, shardCount, GenerationState.Building, DateTimeOffset.UtcNow);
        await store.Generations.CreateAsync(generation, cancel);
        var options = await loader.OptionsForAsync(generation, cancel);
        var expected = await store.Embeddings.CountAsync(spaceId, cancel);
        long held = 0;
        for (var shard = 0; shard < shardCount; shard++)
        {
            using var built = await loader.BuildAsync(generation, shard, options, cancel);
            held += built.Count;
            progress?.Report((shard + 1.0) / shardCount);
        }
        if (held < expected)
            throw new InvalidOperationException(
                $"generation {generation.Id} holds {held} vectors but the store has {expected} in {spaceId}; it stays Building");
        await store.Generations.SetStateAsync(generation.Id, GenerationState.Ready, cancel);
        await store.Generations.FlipLiveAsync(generation.Id, cancel);
        return generation.WithState(GenerationState.Live);
    }

    private static string NextId(IReadOnlyList<IndexGeneration> existing)
    {
        var numbers = existing.Select(g => g.Id.StartsWith('g') && int.TryParse(g.Id[1..], out var n) ? n : 0);
        return $"g{numbers.DefaultIfEmpty(0).Max() + 1}";
    }
}
