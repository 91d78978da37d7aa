using Pursearch.Vision.Embedding;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Crop;

/// <summary>
/// Labels the cells of a feature map from the true bag boxes, using the map's own cell geometry
/// (<see cref="FeatureMap.CellBox"/>): a cell whose area is covered by bag boxes at least
/// <see cref="BagCoverage"/> is a bag cell, one covered at most <see cref="BackgroundCoverage"/> is background, and the
/// boundary cells between are left out so the head is not taught contradictions. The defaults (0.7, 0.2) beat (0.5, 0.1)
/// and (0.3, 0.05) on Forge validation photos: a box includes straps and corners, so a cell must be mostly inside it
/// to be mostly bag.
/// </summary>
public sealed record CellLabeler
{
    public CellLabeler(double bagCoverage = 0.7, double backgroundCoverage = 0.2)
    {
        if (!(bagCoverage is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(bagCoverage), bagCoverage, "must be in (0, 1]");
        if (!(backgroundCoverage >= 0 && backgroundCoverage < bagCoverage))
            throw new ArgumentOutOfRangeException(nameof(backgroundCoverage), backgroundCoverage,
                "must be at least 0 and below the bag coverage");
        (BagCoverage, BackgroundCoverage) = (bagCoverage, backgroundCoverage);
    }

    public double BagCoverage { get; }
    public double BackgroundCoverage { get; }

    /// <summary>One label per cell, row-major (cell index = y·Width + x).</summary>
    public CellLabel[] Label(FeatureMap map, IReadOnlyList<NormalizedBox> bags)
    {
        var labels = new CellLabel[map.Cells];
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                var coverage = Coverage(map.CellBox(x, y), bags);
                labels[y * map.Width + x] = coverage >= BagCoverage ? CellLabel.Bag
                    : coverage <= BackgroundCoverage ? CellLabel.Background
                    : CellLabel.Ignored;
            }
        }
        return labels;
    }

    /// <summary>The share of <paramref name="cell"/> inside any of the boxes (overlapping boxes are not counted twice
    /// beyond the whole cell).</summary>
    public static double Coverage(NormalizedBox cell, IReadOnlyList<NormalizedBox> bags)
    {
        var covered = 0.0;
        foreach (var bag in bags)
        {
            var w = Math.Min(cell.Right, bag.Right) - Math.Max(cell.X, bag.X);
            var h = Math.Min(cell.Bottom, bag.Bottom) - Math.Max(cell.Y, bag.Y);
            if (w > 0 && h > 0)
                covered += w * h;
        }
        return Math.Min(1, covered / cell.Area);
    }
}
