namespace Pursearch.Indexer.Training.Evaluation;

/// <summary>Top-k hits over class probabilities, ranking ties by class index as the identification head does.</summary>
public static class TopK
{
    /// <summary>The 0-based rank of class <paramref name="truth"/>: how many classes are ranked before it.</summary>
    public static int Rank(ReadOnlySpan<float> probabilities, int truth)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)truth, (uint)probabilities.Length, nameof(truth));
        var rank = 0;
        for (var c = 0; c < probabilities.Length; c++)
        {
            if (probabilities[c] > probabilities[truth] || (probabilities[c] == probabilities[truth] && c < truth))
                rank++;
        }
        return rank;
    }

    public static bool Hit(ReadOnlySpan<float> probabilities, int truth, int k) => Rank(probabilities, truth) < k;
}
