namespace Pursearch.Indexer.Training.Evaluation;

/// <summary>Exact k-nearest search by a score (higher is nearer); ties go to the lower index.</summary>
public static class NearestNeighbours
{
    public static int[] Top(int candidates, int k, Func<int, double> score)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var best = new List<(double Score, int Index)>(k + 1);
        for (var i = 0; i < candidates; i++)
        {
            var s = score(i);
            if (best.Count == k && s <= best[^1].Score)
                continue;
            var at = best.FindIndex(b => s > b.Score);
            best.Insert(at < 0 ? best.Count : at, (s, i));
            if (best.Count > k)
                best.RemoveAt(k);
        }
        return [.. best.Select(b => b.Index)];
    }
}
