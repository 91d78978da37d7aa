using Pursearch.Indexer.Training.Evaluation;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Crop;

/// <summary>
/// Picks the heat-map → box rule (threshold, margin, smallest component) on validation heat maps: the highest mean
/// IoU among rules whose false-positive rate on photos without a bag stays within the limit (the lowest false-positive
/// rate when none does); ties go to the higher detection rate, then to the earlier rule in the grid.
/// </summary>
public sealed record BoxRuleTuner
{
    // Class-balanced training puts background probabilities high, so the useful thresholds run close to 1.
    public IReadOnlyList<double> Thresholds { get; init; } = [.. Grid(0.2, 0.9, 0.05), 0.93, 0.95, 0.97, 0.98, 0.99];
    public IReadOnlyList<double> Margins { get; init; } = Grid(0, 0.3, 0.025);
    // Up to 12 cells: at 672 a component of 4 cells at 448 covers about 9.
    public IReadOnlyList<int> MinimumCells { get; init; } = [1, 2, 3, 4, 6, 8, 10, 12];
    public double MaxFalsePositiveRate { get; init; } = 0.05;

    /// <summary>One validation photo: its heat map and its true primary box (null for a photo without a bag).</summary>
    public (BoxRule Rule, CropQuality Quality) Tune(IReadOnlyList<(HeatMap Heat, NormalizedBox? Truth)> validation)
    {
        if (validation.Count == 0)
            throw new ArgumentException("no validation photos to tune the box rule on", nameof(validation));
        (BoxRule Rule, CropQuality Quality)? best = null;
        foreach (var threshold in Thresholds)
        {
            foreach (var margin in Margins)
            {
                foreach (var minimum in MinimumCells)
                {
                    var rule = new BoxRule(threshold, margin, minimum);
                    var quality = CropQuality.Measure(validation.Select(v => (HeatMapBoxer.Find(v.Heat, rule).Box, v.Truth)));
                    if (best is null || Better(quality, best.Value.Quality))
                        best = (rule, quality);
                }
            }
        }
        return best!.Value;
    }

    private bool Better(CropQuality candidate, CropQuality incumbent)
    {
        var candidateAllowed = candidate.FalsePositiveRate <= MaxFalsePositiveRate;
        var incumbentAllowed = incumbent.FalsePositiveRate <= MaxFalsePositiveRate;
        if (candidateAllowed != incumbentAllowed)
            return candidateAllowed;
        if (!candidateAllowed && candidate.FalsePositiveRate != incumbent.FalsePositiveRate)
            return candidate.FalsePositiveRate < incumbent.FalsePositiveRate;
        if (candidate.MeanIoU != incumbent.MeanIoU)
            return candidate.MeanIoU > incumbent.MeanIoU;
        return candidate.DetectionRate > incumbent.DetectionRate;
    }

    private static double[] Grid(double from, double to, double step) =>
        [.. Enumerable.Range(0, (int)Math.Round((to - from) / step) + 1).Select(i => Math.Round(from + i * step, 6))];
}
