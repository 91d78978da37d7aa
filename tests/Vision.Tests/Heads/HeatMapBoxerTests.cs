using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;

namespace Pursearch.Vision.Tests.Heads;

public sealed class HeatMapBoxerTests
{
    private static readonly BoxRule NoMargin = new(threshold: 0.5, margin: 0);

    [Fact]
    public void The_largest_component_becomes_the_box()
    {
        var heat = Heat(14, 14, 0.1f);
        Fill(heat, 2, 3, 5, 6, 0.8f);   // 16 cells
        Fill(heat, 10, 10, 11, 10, 0.99f); // 2 brighter cells elsewhere

        var found = HeatMapBoxer.Find(heat, NoMargin);

        AssertBox(new NormalizedBox(2 / 14.0, 3 / 14.0, 4 / 14.0, 4 / 14.0), found.Box);
        Assert.Equal(0.8, found.Score, 5);
    }

    [Fact]
    public void The_margin_grows_the_box_by_a_fraction_of_its_size()
    {
        var heat = Heat(10, 10, 0f);
        Fill(heat, 4, 4, 5, 5, 0.9f);

        var found = HeatMapBoxer.Find(heat, new BoxRule(0.5, margin: 0.25));

        AssertBox(new NormalizedBox(0.35, 0.35, 0.3, 0.3), found.Box);
    }

    [Fact]
    public void Nothing_over_the_threshold_means_not_found()
    {
        var heat = Heat(14, 14, 0.2f);
        heat.Values[20] = 0.49f;

        var found = HeatMapBoxer.Find(heat, NoMargin);

        Assert.False(found.Found);
        Assert.Null(found.Box);
        Assert.Equal(0.49, found.Score, 5);
    }

    [Fact]
    public void A_component_below_the_minimum_size_is_noise()
    {
        var heat = Heat(14, 14, 0f);
        Fill(heat, 3, 3, 4, 3, 0.9f);

        Assert.False(HeatMapBoxer.Find(heat, new BoxRule(0.5, 0, minimumCells: 3)).Found);
        Assert.True(HeatMapBoxer.Find(heat, new BoxRule(0.5, 0, minimumCells: 2)).Found);
    }

    [Fact]
    public void Diagonal_neighbours_belong_to_one_component()
    {
        var heat = Heat(4, 4, 0f);
        heat.Values[0] = heat.Values[5] = heat.Values[10] = 0.9f; // (0,0), (1,1), (2,2)

        AssertBox(new NormalizedBox(0, 0, 0.75, 0.75), HeatMapBoxer.Find(heat, NoMargin).Box);
    }

    [Fact]
    public void Equal_sized_components_are_decided_by_their_total_score()
    {
        var heat = Heat(8, 8, 0f);
        Fill(heat, 0, 0, 1, 0, 0.6f);
        Fill(heat, 5, 5, 6, 5, 0.7f);

        AssertBox(new NormalizedBox(5 / 8.0, 5 / 8.0, 2 / 8.0, 1 / 8.0), HeatMapBoxer.Find(heat, NoMargin).Box);
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(1, 0.1)]
    [InlineData(0.5, -0.1)]
    public void Invalid_rules_are_refused(double threshold, double margin) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoxRule(threshold, margin));

    private static HeatMap Heat(int width, int height, float value) =>
        new(width, height, Enumerable.Repeat(value, width * height).ToArray());

    private static void Fill(HeatMap heat, int x0, int y0, int x1, int y1, float value)
    {
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
                heat.Values[y * heat.Width + x] = value;
        }
    }

    private static void AssertBox(NormalizedBox expected, NormalizedBox? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.X, actual.Value.X, 6);
        Assert.Equal(expected.Y, actual.Value.Y, 6);
        Assert.Equal(expected.W, actual.Value.W, 6);
        Assert.Equal(expected.H, actual.Value.H, 6);
    }
}
