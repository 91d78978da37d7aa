namespace Pursearch.Indexer.Training.Learning;

/// <summary>
/// Per-feature standardisation, x' = (x − mean) / scale, learned from training rows. The solvers see standardised rows
/// (L2-normalised backbone features are tiny and unevenly spread, which makes one regularisation weight fit badly);
/// the learned linear model is then folded back so it applies to raw rows: w = w' / scale, b = b' − Σ w'·mean / scale.
/// A feature that never varied in training (a dead ReLU channel) taught nothing and gets weight 0, so a value it takes
/// later cannot blow the score up.
/// </summary>
public sealed class FeatureStandardizer
{
    private const float MinimumScale = 1e-6f;

    private FeatureStandardizer(float[] mean, float[] scale) => (Mean, Scale) = (mean, scale);

    public float[] Mean { get; }
    public float[] Scale { get; }
    public int Dimensions => Mean.Length;

    public static FeatureStandardizer Fit(IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0)
            throw new ArgumentException("no rows to standardise", nameof(rows));
        var dimensions = rows[0].Length;
        var sum = new double[dimensions];
        var squares = new double[dimensions];
        foreach (var row in rows)
        {
            if (row.Length != dimensions)
                throw new ArgumentException($"rows have {dimensions} and {row.Length} features", nameof(rows));
            for (var d = 0; d < dimensions; d++)
            {
                sum[d] += row[d];
                squares[d] += (double)row[d] * row[d];
            }
        }
        var mean = new float[dimensions];
        var scale = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            var m = sum[d] / rows.Count;
            mean[d] = (float)m;
            scale[d] = Math.Max(MinimumScale, (float)Math.Sqrt(Math.Max(0, squares[d] / rows.Count - m * m)));
        }
        return new FeatureStandardizer(mean, scale);
    }

    public float[] Apply(float[] row)
    {
        var result = new float[row.Length];
        for (var d = 0; d < row.Length; d++)
            result[d] = (row[d] - Mean[d]) / Scale[d];
        return result;
    }

    /// <summary>Weights and bias learned on standardised rows, rewritten to score raw rows identically.</summary>
    public (float[] Weights, float Bias) Fold(ReadOnlySpan<float> weights, float bias)
    {
        if (weights.Length != Dimensions)
            throw new ArgumentException($"expected {Dimensions} weights, got {weights.Length}", nameof(weights));
        var folded = new float[Dimensions];
        double shift = 0;
        for (var d = 0; d < Dimensions; d++)
        {
            if (Scale[d] <= MinimumScale)
                continue;
            folded[d] = weights[d] / Scale[d];
            shift += (double)folded[d] * Mean[d];
        }
        return (folded, (float)(bias - shift));
    }
}
