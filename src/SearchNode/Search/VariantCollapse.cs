using Pursearch.Index;

namespace Pursearch.SearchNode.Search;

/// <summary>Keeps the best-scoring colour variant of each product family (same family at the same retailer).</summary>
public static class VariantCollapse
{
    /// <summary>The first <paramref name="k"/> hits, best first, one per family when <paramref name="collapse"/> is set.</summary>
    public static IReadOnlyList<ShardHit> Apply(IReadOnlyList<ShardHit> bestFirst, bool collapse, int k)
    {
        if (!collapse)
            return [.. bestFirst.Take(k)];
        var seen = new HashSet<ProductFamily>();
        return [.. bestFirst.Where(hit => seen.Add(hit.Product.Family)).Take(k)];
    }

    /// <summary>How many hits to ask the shards for so that k remain after collapsing.</summary>
    public static int FetchSize(int k, bool collapse, int overfetch) =>
        collapse ? Math.Min(k * overfetch, ShardQuery.MaxK) : k;
}
