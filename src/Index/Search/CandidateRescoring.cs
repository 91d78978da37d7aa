using System.Buffers;
using Pursearch.Index.Columns;
using Pursearch.Index.Native;

namespace Pursearch.Index.Search;

/// <summary>Applies an <see cref="IHitRescorer"/> to a shard's candidates, reading their vectors back from USearch's
/// storage, and keeps the k best by the new score.</summary>
internal static class CandidateRescoring
{
    public static List<(int Row, float Score)> Apply(HnswIndex index, ShardColumns columns, IHitRescorer rescorer,
        List<(int Row, float Score)> candidates, int k)
    {
        var best = new BoundedTopK(k);
        var buffer = ArrayPool<float>.Shared.Rent(index.Dimensions);
        try
        {
            var vector = buffer.AsSpan(0, index.Dimensions);
            using var reader = index.OpenReader();
            foreach (var (row, similarity) in candidates)
            {
                // As in the exact scan: a row whose add has not returned yet is never read back.
                if (!columns.IsInGraph(row) || !reader.TryGet((ulong)row, vector))
                    continue;
                best.Offer(row, rescorer.Rescore(similarity, vector));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
        return best.Drain();
    }
}
