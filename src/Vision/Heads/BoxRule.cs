namespace Pursearch.Vision.Heads;

/// <summary>How a heat map becomes a box: cells at or above <see cref="Threshold"/> form a mask, the largest
/// 8-connected component gives the box, grown by <see cref="Margin"/> of its size on every side.</summary>
public sealed record BoxRule
{
    public BoxRule(double threshold = 0.5, double margin = 0.1, int minimumCells = 1)
    {
        if (threshold is <= 0 or >= 1 || double.IsNaN(threshold))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "must be in (0, 1)");
        if (margin is < 0 or > 1 || double.IsNaN(margin))
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "must be in [0, 1]");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumCells);
        (Threshold, Margin, MinimumCells) = (threshold, margin, minimumCells);
    }

    public double Threshold { get; }
    public double Margin { get; }
    /// <summary>A component smaller than this is noise: no bag found.</summary>
    public int MinimumCells { get; }
}
