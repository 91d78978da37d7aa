using System.Buffers;
using System.Numerics.Tensors;
using Pursearch.Index.Columns;
using Pursearch.Index.Native;
using Pursearch.Index.Planning;

namespace Pursearch.Index.Search;

/// <summary>
/// Exact k-NN over the rows a filter accepts. Vectors are read back from USearch's own storage
/// (<c>usearch_get</c>), so the shard keeps no second copy; the shard normalises every vector on the way in,
/// so the dot product is the cosine similarity.
/// </summary>
internal static class ExactScan
{
    public static List<(int Row, float Score)> Run(
        HnswIndex index, ShardColumns columns, RowFilter filter, ReadOnlySpan<float> query, int k)
    {
        var best = new BoundedTopK(k);
        var buffer = ArrayPool<float>.Shared.Rent(query.Length);
        try
        {
            var vector = buffer.AsSpan(0, query.Length);
            using var reader = index.OpenReader();
            for (var row = 0; row < columns.RowCount; row++)
            {
                // A row whose vector is still being added (bulk adds run beside queries) is skipped.
                if (columns.ProductAt(row) is null || !columns.IsInGraph(row) || !filter.Matches(row))
                    continue;
                if (!reader.TryGet((ulong)row, vector))
                    continue;
                best.Offer(row, TensorPrimitives.Dot(query, vector));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
        return best.Drain();
    }
}
