namespace Pursearch.Index.Search;

/// <summary>Merges per-shard hit lists into one global top-k (scatter-gather's gather step).</summary>
public static class TopKMerge
{
    /// <summary>
    /// The k best hits over all lists, best first. A product seen in several lists (a shard moving between
    /// generations, a retried shard) counts once with its best score; equal scores order by product id so the
    /// merge does not depend on which shard answered first.
    /// </summary>
    public static IReadOnlyList<ShardHit> Merge(IEnumerable<IReadOnlyList<ShardHit>> lists, int k)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var best = new Dictionary<string, ShardHit>(StringComparer.Ordinal);
        foreach (var list in lists)
            foreach (var hit in list)
            {
                var id = hit.Product.Id.ToString();
                if (!best.TryGetValue(id, out var seen) || hit.Score > seen.Score)
                    best[id] = hit;
            }
        return best.Values
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Product.Id.ToString(), StringComparer.Ordinal)
            .Take(k)
            .ToList();
    }
}
