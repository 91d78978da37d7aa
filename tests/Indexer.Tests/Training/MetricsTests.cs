using Pursearch.Indexer.Training.Evaluation;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Tests.Training;

public sealed class MetricsTests
{
    [Fact]
    public void Crop_quality_averages_iou_counts_detections_and_false_positives()
    {
        var truth = new NormalizedBox(0, 0, 0.5, 0.5);
        var quality = CropQuality.Measure([
            (truth, truth),                                   // IoU 1
            (new NormalizedBox(0, 0, 0.5, 0.25), truth),      // IoU 0.5: detected (the limit is inclusive)
            (new NormalizedBox(0.5, 0.5, 0.5, 0.5), truth),   // IoU 0
            (null, truth),                                    // nothing found: IoU 0
            (null, null),                                     // negative, nothing found
            (new NormalizedBox(0, 0, 0.1, 0.1), null),        // negative, false positive
        ]);

        Assert.Equal(4, quality.Positives);
        Assert.Equal(2, quality.Negatives);
        Assert.Equal(1.5 / 4, quality.MeanIoU, 9);
        Assert.Equal(0.5, quality.DetectionRate, 9);
        Assert.Equal(0.5, quality.FalsePositiveRate, 9);
    }

    [Fact]
    public void Crop_quality_of_no_photos_is_zero_with_zero_counts()
    {
        var quality = CropQuality.Measure([]);

        Assert.Equal(new CropQuality(0, 0, 0, 0, 0), quality);
    }

    [Fact]
    public void Top_k_ranks_by_probability_and_ties_by_class_index()
    {
        float[] probabilities = [0.1f, 0.4f, 0.2f, 0.2f, 0.1f];

        Assert.Equal(0, TopK.Rank(probabilities, 1));
        Assert.Equal(1, TopK.Rank(probabilities, 2));
        Assert.Equal(2, TopK.Rank(probabilities, 3));
        Assert.Equal(3, TopK.Rank(probabilities, 0));
        Assert.True(TopK.Hit(probabilities, 1, 1));
        Assert.False(TopK.Hit(probabilities, 2, 1));
        Assert.True(TopK.Hit(probabilities, 3, 3));
        Assert.False(TopK.Hit(probabilities, 4, 3));
    }

    [Fact]
    public void Nearest_neighbours_are_the_highest_scores_in_order()
    {
        double[] scores = [0.3, 0.9, -1, 0.9, 0.5];

        Assert.Equal([1, 3, 4], NearestNeighbours.Top(scores.Length, 3, i => scores[i]));
        Assert.Equal([1], NearestNeighbours.Top(scores.Length, 1, i => scores[i]));
        Assert.Equal([1, 3, 4, 0, 2], NearestNeighbours.Top(scores.Length, 10, i => scores[i]));
    }

    [Fact]
    public void Colour_histogram_puts_pure_colours_in_distinct_bins_and_sums_to_one()
    {
        var red = ColourHistogram.Bin(255, 0, 0);
        var green = ColourHistogram.Bin(0, 255, 0);
        var blue = ColourHistogram.Bin(0, 0, 255);
        var black = ColourHistogram.Bin(0, 0, 0);
        var pixels = new byte[] { 255, 0, 0, 255, 255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 0, 255 };
        var histogram = ColourHistogram.Of(new RgbaImage(2, 2, pixels));

        Assert.Equal(4, new[] { red, green, blue, black }.Distinct().Count());
        Assert.Equal(1, histogram.Sum(), 5);
        Assert.Equal(0.5f, histogram[red], 5);
        Assert.Equal(0.25f, histogram[blue], 5);
        Assert.Equal(0, ColourHistogram.Distance(histogram, histogram));
        Assert.Equal(2, ColourHistogram.Distance(histogram, ColourHistogram.Of(new RgbaImage(1, 1, [0, 255, 0, 255]))), 5);
    }
}
