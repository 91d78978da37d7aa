using Pursearch.Indexer.Training.Crop;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Tests.Training;

public sealed class BoxRuleTunerTests
{
    // A 10×10 heat map: 0.8 on the bag's cells (x, y in 2..5), 0.3 elsewhere, one stray 0.6 cell at (8, 8).
    private static HeatMap BagHeat()
    {
        var values = Enumerable.Repeat(0.3f, 100).ToArray();
        for (var y = 2; y <= 5; y++)
        {
            for (var x = 2; x <= 5; x++)
                values[y * 10 + x] = 0.8f;
        }
        values[88] = 0.6f;
        return new HeatMap(10, 10, values);
    }

    // A photo without a bag whose heat has one warm blob of two cells at 0.6.
    private static HeatMap EmptyHeat()
    {
        var values = Enumerable.Repeat(0.2f, 100).ToArray();
        values[44] = values[45] = 0.6f;
        return new HeatMap(10, 10, values);
    }

    [Fact]
    public void Picks_the_threshold_and_margin_that_reproduce_the_true_box()
    {
        var truth = new NormalizedBox(0.2, 0.2, 0.4, 0.4);
        var tuner = new BoxRuleTuner { Thresholds = [0.25, 0.5, 0.7], Margins = [0, 0.1, 0.25], MinimumCells = [1] };

        var (rule, quality) = tuner.Tune([(BagHeat(), truth)]);

        Assert.Equal(0.5, rule.Threshold);
        Assert.Equal(0, rule.Margin);
        Assert.Equal(1, quality.MeanIoU, 6);
        Assert.Equal(1, quality.DetectionRate);
    }

    [Fact]
    public void Keeps_false_positives_within_the_limit_even_at_some_cost_in_iou()
    {
        var truth = new NormalizedBox(0.2, 0.2, 0.4, 0.4);
        var tuner = new BoxRuleTuner
        {
            Thresholds = [0.5, 0.7], Margins = [0], MinimumCells = [1, 3], MaxFalsePositiveRate = 0,
        };

        var (rule, quality) = tuner.Tune([(BagHeat(), truth), (EmptyHeat(), null)]);

        // Threshold 0.5 with one cell finds the empty photo's blob; 3 cells or threshold 0.7 do not.
        Assert.Equal(0, quality.FalsePositiveRate);
        Assert.True(rule.Threshold == 0.7 || rule.MinimumCells == 3);
        Assert.Equal(1, quality.MeanIoU, 6);
    }

    [Fact]
    public void Falls_back_to_the_fewest_false_positives_when_no_rule_meets_the_limit()
    {
        var single = Enumerable.Repeat(0.2f, 100).ToArray();
        single[0] = 0.6f;
        var tuner = new BoxRuleTuner { Thresholds = [0.5], Margins = [0], MinimumCells = [1, 2], MaxFalsePositiveRate = 0 };

        var (rule, quality) = tuner.Tune([(EmptyHeat(), null), (new HeatMap(10, 10, single), null)]);

        Assert.Equal(2, rule.MinimumCells);
        Assert.Equal(0.5, quality.FalsePositiveRate);
        Assert.Throws<ArgumentException>(() => tuner.Tune([]));
    }
}
