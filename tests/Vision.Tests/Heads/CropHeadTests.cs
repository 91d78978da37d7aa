using Pursearch.Vision.Embedding;
using Pursearch.Vision.Heads;

namespace Pursearch.Vision.Tests.Heads;

public sealed class CropHeadTests
{
    [Fact]
    public void Each_cell_is_scored_with_a_sigmoid_of_the_linear_score()
    {
        // 512 channels over a 2×1 map: cell 0 has feature 0 = 2, cell 1 has feature 1 = 3.
        var values = new float[512 * 2];
        values[0 * 2 + 0] = 2;
        values[1 * 2 + 1] = 3;
        var map = new FeatureMap(512, 1, 2, values);
        var weights = new float[512];
        (weights[0], weights[1]) = (1.5f, -1f);

        var heat = new CropHead(weights, 0.5f, CellNormalization.None, new BoxRule()).Score(map);

        Assert.Equal(Sigmoid(2 * 1.5 + 0.5), heat[0, 0], 5);
        Assert.Equal(Sigmoid(-3 + 0.5), heat[1, 0], 5);
    }

    [Fact]
    public void L2_normalisation_scores_cell_directions_not_magnitudes()
    {
        var values = new float[512 * 2];
        (values[0], values[1]) = (1, 100); // same direction (feature 0 only), very different magnitudes
        var map = new FeatureMap(512, 1, 2, values);
        var weights = new float[512];
        weights[0] = 2;

        var heat = new CropHead(weights, -1, CellNormalization.L2, new BoxRule()).Score(map);

        Assert.Equal(Sigmoid(1), heat[0, 0], 5);
        Assert.Equal(heat[0, 0], heat[1, 0], 6);
    }

    [Fact]
    public void Cell_features_are_rows_in_y_then_x_order()
    {
        var values = new float[512 * 6];
        for (var cell = 0; cell < 6; cell++)
            values[7 * 6 + cell] = cell + 1; // channel 7 holds 1..6 over a 3-wide, 2-high map
        var rows = CellFeatures.Extract(new FeatureMap(512, 2, 3, values), CellNormalization.None);

        Assert.Equal(6 * 512, rows.Length);
        Assert.Equal(5, rows[4 * 512 + 7]); // cell (x 1, y 1)
    }

    [Fact]
    public void A_cell_stands_for_its_share_of_the_image()
    {
        var map = new FeatureMap(512, 14, 14, new float[512 * 196]);

        var box = map.CellBox(13, 2);

        Assert.Equal(13 / 14.0, box.X, 9);
        Assert.Equal(2 / 14.0, box.Y, 9);
        Assert.Equal(1 / 14.0, box.W, 9);
        Assert.Equal(1 / 14.0, box.H, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => map.CellBox(14, 0));
    }

    [Fact]
    public void Weights_must_match_the_backbone()
    {
        Assert.Throws<ArgumentException>(() => new CropHead(new float[10], 0, CellNormalization.L2, new BoxRule()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CropHead(new float[512], 0, CellNormalization.L2, new BoxRule(), 300));
    }

    private static float Sigmoid(double z) => (float)(1 / (1 + Math.Exp(-z)));
}
