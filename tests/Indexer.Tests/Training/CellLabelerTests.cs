using Pursearch.Indexer.Training.Crop;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Tests.Training;

public sealed class CellLabelerTests
{
    private static readonly FeatureMap Grid4 = new(1, 4, 4, new float[16]);

    [Fact]
    public void Cells_inside_a_box_are_bag_and_cells_outside_are_background()
    {
        // The box covers exactly cells (1..2, 1..2) of a 4×4 grid.
        var labels = new CellLabeler().Label(Grid4, [new NormalizedBox(0.25, 0.25, 0.5, 0.5)]);

        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 4; x++)
            {
                var expected = x is 1 or 2 && y is 1 or 2 ? CellLabel.Bag : CellLabel.Background;
                Assert.Equal(expected, labels[y * 4 + x]);
            }
        }
    }

    [Fact]
    public void Partly_covered_cells_are_ignored_or_labelled_by_their_coverage()
    {
        // x from 0.125 to 0.625: cell 0 is half covered, cell 1 fully, cell 2 half; rows 0..3 fully.
        var labels = new CellLabeler(bagCoverage: 0.6, backgroundCoverage: 0.1)
            .Label(Grid4, [new NormalizedBox(0.125, 0, 0.5, 1)]);

        Assert.Equal(CellLabel.Ignored, labels[0]);
        Assert.Equal(CellLabel.Bag, labels[1]);
        Assert.Equal(CellLabel.Ignored, labels[2]);
        Assert.Equal(CellLabel.Background, labels[3]);
    }

    [Fact]
    public void Every_bag_counts_and_a_photo_without_bags_is_all_background()
    {
        var labeler = new CellLabeler();
        var two = labeler.Label(Grid4, [new NormalizedBox(0, 0, 0.25, 0.25), new NormalizedBox(0.75, 0.75, 0.25, 0.25)]);
        var none = labeler.Label(Grid4, []);

        Assert.Equal(CellLabel.Bag, two[0]);
        Assert.Equal(CellLabel.Bag, two[15]);
        Assert.Equal(14, two.Count(l => l == CellLabel.Background));
        Assert.All(none, l => Assert.Equal(CellLabel.Background, l));
    }

    [Fact]
    public void Coverage_of_overlapping_boxes_never_exceeds_the_cell()
    {
        var cell = new NormalizedBox(0, 0, 0.5, 0.5);
        var coverage = CellLabeler.Coverage(cell, [new NormalizedBox(0, 0, 1, 1), new NormalizedBox(0, 0, 0.5, 0.5)]);

        Assert.Equal(1, coverage, 9);
        Assert.Equal(0.25, CellLabeler.Coverage(cell, [new NormalizedBox(0.25, 0.25, 0.5, 0.5)]), 9);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.5, 0.5)]
    [InlineData(0.3, -0.1)]
    public void Inconsistent_coverage_limits_are_refused(double bag, double background)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CellLabeler(bag, background));
    }
}
