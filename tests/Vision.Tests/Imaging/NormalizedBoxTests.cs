using Pursearch.Vision.Imaging;

namespace Pursearch.Vision.Tests.Imaging;

public sealed class NormalizedBoxTests
{
    [Fact]
    public void Intersection_over_union_of_known_boxes()
    {
        var a = new NormalizedBox(0, 0, 0.5, 0.5);

        Assert.Equal(1, a.IntersectionOverUnion(a), 9);
        Assert.Equal(0, a.IntersectionOverUnion(new NormalizedBox(0.5, 0.5, 0.5, 0.5)), 9);
        Assert.Equal(1.0 / 7, a.IntersectionOverUnion(new NormalizedBox(0.25, 0.25, 0.5, 0.5)), 9);
    }

    [Fact]
    public void Expand_grows_on_every_side_and_clamps_to_the_image()
    {
        var grown = new NormalizedBox(0.4, 0.05, 0.2, 0.5).Expand(0.25);

        Assert.Equal(0.35, grown.X, 9);
        Assert.Equal(0, grown.Y, 9);
        Assert.Equal(0.3, grown.W, 9);
        Assert.Equal(0.675, grown.Bottom, 9);
    }

    [Theory]
    [InlineData(-0.1, 0, 0.5, 0.5)]
    [InlineData(0, 0, 0, 0.5)]
    [InlineData(0.6, 0, 0.5, 0.5)]
    [InlineData(double.NaN, 0, 0.5, 0.5)]
    public void Boxes_outside_the_image_are_refused(double x, double y, double w, double h) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new NormalizedBox(x, y, w, h));
}
