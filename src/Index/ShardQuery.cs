using Pursearch.Core.Search;

namespace Pursearch.Index;

/// <summary>A k-nearest-neighbour query against one shard.</summary>
public sealed record ShardQuery(float[] Vector, int K = 10)
{
    public const int MaxK = 1000;

    /// <summary>Price range, retailers, brands, styles, availability; the default shows purchasable products only.</summary>
    public SearchFilter Filter { get; init; } = SearchFilter.None;

    /// <summary>Leave out this variant group (a product's "similar" list omits its own colours).</summary>
    public ProductFamily? ExcludeFamily { get; init; }

    /// <summary>Walk width (ef) for an HNSW plan; by default the shard's, raised by the planner for tight filters.</summary>
    public int? Expansion { get; init; }

    /// <summary>Re-scores the nearest candidates before the k best are kept (see <see cref="IHitRescorer"/>).</summary>
    public IHitRescorer? Rescorer { get; init; }

    /// <summary>Force a plan instead of letting the planner choose (benchmarks and diagnostics).</summary>
    public QueryPlan? Plan { get; init; }
}
