using System.Numerics.Tensors;
using Pursearch.Index;

namespace Pursearch.Bench.Index;

/// <summary>Exact similarities of every query to every record, so any filter's true top-k is a cheap scan.</summary>
internal sealed class GroundTruth
{
    private readonly float[][] _scores;

    public GroundTruth(IReadOnlyList<ShardRecord> records, IReadOnlyList<float[]> queries)
    {
        _scores = new float[queries.Count][];
        Parallel.For(0, queries.Count, q =>
        {
            var scores = new float[records.Count];
            for (var r = 0; r < records.Count; r++)
                scores[r] = TensorPrimitives.Dot(queries[q], records[r].Vector);
            _scores[q] = scores;
        });
    }

    /// <summary>The k best record indices for a query among the records the predicate admits.</summary>
    public int[] TopK(int query, int k, Func<int, bool>? admits = null)
    {
        var scores = _scores[query];
        var heap = new PriorityQueue<int, float>(k + 1);
        for (var r = 0; r < scores.Length; r++)
        {
            if (admits is not null && !admits(r))
                continue;
            if (heap.Count < k)
                heap.Enqueue(r, scores[r]);
            else if (heap.TryPeek(out _, out var worst) && scores[r] > worst)
                heap.DequeueEnqueue(r, scores[r]);
        }
        return [.. heap.UnorderedItems.Select(x => x.Element)];
    }

    public static double Recall(IReadOnlyCollection<int> truth, IEnumerable<int> found)
    {
        if (truth.Count == 0)
            return 1;
        var set = truth.ToHashSet();
        return found.Count(set.Contains) / (double)truth.Count;
    }
}
