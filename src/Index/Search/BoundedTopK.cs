namespace Pursearch.Index.Search;

/// <summary>Keeps the k best-scoring rows seen so far in a min-heap of size k.</summary>
internal sealed class BoundedTopK(int k)
{
    private readonly PriorityQueue<int, float> _heap = new(k + 1);

    public int Count => _heap.Count;

    /// <summary>The score a row must beat to enter once the heap is full.</summary>
    public float Threshold => _heap.Count < k ? float.NegativeInfinity : _heap.TryPeek(out _, out var worst) ? worst : float.NegativeInfinity;

    public void Offer(int row, float score)
    {
        if (_heap.Count < k)
            _heap.Enqueue(row, score);
        else if (score > Threshold)
            _heap.DequeueEnqueue(row, score);
    }

    /// <summary>The kept rows, best first (ties by lower row).</summary>
    public List<(int Row, float Score)> Drain()
    {
        var rows = new List<(int Row, float Score)>(_heap.Count);
        while (_heap.TryDequeue(out var row, out var score))
            rows.Add((row, score));
        rows.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Row.CompareTo(b.Row));
        return rows;
    }
}
