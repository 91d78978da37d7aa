using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Pursearch.Core.Money;
using Pursearch.Core.Versions;
using Pursearch.Index;
using Pursearch.Index.Snapshots;
using Pursearch.SearchNode.Hosting;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Shards;

/// <summary>
/// Opens the shards of a generation from their snapshots under <c>{data}/index/{generation}/{shard}</c>, or builds a
/// shard from the store's vectors when its snapshot is missing or unreadable, then catches every shard up through the
/// change feed and saves what moved.
/// </summary>
public sealed class ShardLoader(IStore store, DataLayout layout, ExchangeRates rates, ILogger<ShardLoader> logger)
{
    public async Task<ShardSet> LoadAsync(IndexGeneration generation, IProgress<double>? progress, CancellationToken cancel)
    {
        var options = await OptionsForAsync(generation, cancel);
        var shards = new List<IndexShard>(generation.ShardCount);
        try
        {
            var opened = new long[generation.ShardCount];
            for (var shard = 0; shard < generation.ShardCount; shard++)
            {
                var loaded = await OpenOrBuildAsync(generation, shard, options, cancel);
                shards.Add(loaded);
                opened[shard] = loaded.Sequence;
                progress?.Report((shard + 1.0) / generation.ShardCount);
            }
            var set = new ShardSet(generation, shards);
            var caughtUp = await new ChangeCatchUp(store).RunAsync(set, cancel);
            if (caughtUp.Applied > 0)
                Save(set);
            logger.LogInformation("generation {Generation}: {Shards} shards, {Vectors} vectors, sequence {Sequence} ({Applied} changes caught up)",
                generation.Id, generation.ShardCount, set.Shards.Sum(s => s.Count), set.Sequence, caughtUp.Applied);
            return set;
        }
        catch
        {
            foreach (var shard in shards)
                shard.Dispose();
            throw;
        }
    }

    /// <summary>Builds one shard from the store (the source of truth) and snapshots it, whatever is on disk.</summary>
    public async Task<IndexShard> BuildAsync(IndexGeneration generation, int shard, ShardOptions options, CancellationToken cancel)
    {
        // Read the sequence first: the stream is not one snapshot, and catching up from here re-reads what moved meanwhile.
        var sequence = await store.Changes.CurrentSequenceAsync(cancel);
        var records = Records(generation, shard, cancel);
        var built = await IndexShard.BuildAsync(options, records, sequence, cancel: cancel);
        built.Save(layout.SnapshotOf(generation.Id, shard));
        return built;
    }

    public void Save(ShardSet set)
    {
        for (var shard = 0; shard < set.Shards.Count; shard++)
            set.Shards[shard].Save(layout.SnapshotOf(set.Generation.Id, shard));
    }

    public async Task<ShardOptions> OptionsForAsync(IndexGeneration generation, CancellationToken cancel)
    {
        var space = await store.Spaces.GetAsync(generation.EmbeddingSpaceId, cancel)
            ?? throw new StoreNotFoundException("embedding space", generation.EmbeddingSpaceId);
        return new ShardOptions(space.Dimensions) { Rates = rates };
    }

    private async Task<IndexShard> OpenOrBuildAsync(IndexGeneration generation, int shard, ShardOptions options,
        CancellationToken cancel)
    {
        var directory = layout.SnapshotOf(generation.Id, shard);
        if (Directory.Exists(directory))
        {
            try
            {
                return IndexShard.Open(directory, options);
            }
            catch (ShardSnapshotException e)
            {
                logger.LogWarning("rebuilding {Entity} from the store: {Reason}", generation.ShardEntityId(shard), e.Message);
            }
        }
        return await BuildAsync(generation, shard, options, cancel);
    }

    private async IAsyncEnumerable<ShardRecord> Records(IndexGeneration generation, int shard,
        [EnumeratorCancellation] CancellationToken cancel)
    {
        await foreach (var vector in store.Embeddings.StreamShardAsync(generation.EmbeddingSpaceId, shard,
                           generation.ShardCount, cancel))
            yield return new ShardRecord(IndexedProduct.From(vector.Product), vector.Vector);
    }
}
