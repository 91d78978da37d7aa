using Pursearch.Core.Catalog;
using Pursearch.Core.Search;
using Pursearch.Index;
using Pursearch.SearchNode.Shards;
using Pursearch.SearchNode.Telemetry;
using Pursearch.SearchNode.Vision;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Search;

/// <summary>Products like a catalog product: its stored vector queried against the live generation, leaving out its
/// own family (itself and its colour variants) inside every shard, re-ranked by agreement of the live identification
/// head like a photo search.</summary>
public sealed class SimilarProducts(IStore store, IShardHost shards, LiveVision vision, ScatterGather gather,
    ResultMapper mapper, SearchSettings settings, NodeMetrics metrics)
{
    public async Task<SimilarResponse> FindAsync(ProductId id, SearchFilter filter, int k, bool collapse, CancellationToken cancel)
    {
        var generation = shards.LiveGeneration
            ?? throw new SearchUnavailableException("no index generation is loaded yet");
        var product = await store.Catalog.GetAsync(id, cancel)
            ?? throw new ResourceNotFoundException($"no product '{id}'");
        var embedding = await store.Embeddings.GetAsync(id, generation.EmbeddingSpaceId, cancel)
            ?? throw new ResourceNotFoundException($"product '{id}' has no image embedding yet");
        var query = new ShardQuery(embedding.Vector, VariantCollapse.FetchSize(k, collapse, settings.CollapseOverfetch))
        {
            Filter = filter,
            ExcludeFamily = IndexedProduct.From(product).Family,
            Rescorer = ClassAgreementRescorer.For(vision.Current.Pipeline.Heads, embedding.Vector),
        };
        var gathered = await gather.SearchAsync(generation, query, cancel);
        metrics.Plans(gathered.HnswShards, gathered.ExactShards, gathered.Partial);
        metrics.Query("similar", gathered.Partial ? "partial" : "complete");
        var hits = VariantCollapse.Apply(gathered.Hits, collapse, k);
        return new SimilarResponse(generation.Id, id.ToString(), gathered.Partial, gathered.MissingShards,
            new PlanCounts(gathered.HnswShards, gathered.ExactShards), [.. hits.Select(h => mapper.Item(h, filter.Currency))]);
    }
}
