using Pursearch.Index.Columns;

namespace Pursearch.Index.Tests.Planning;

public sealed class PriceHistogramTests
{
    [Fact]
    public void Shares_of_price_ranges_track_the_rows()
    {
        var histogram = new PriceHistogram();
        var random = new Random(3);
        var prices = Enumerable.Range(0, 20_000).Select(_ => (float)Math.Exp(random.NextDouble() * Math.Log(5000))).ToList();
        foreach (var price in prices)
            histogram.Adjust(price, +1);

        foreach (var (min, max) in new[] { (0f, 100f), (250f, 300f), (1000f, float.PositiveInfinity), (float.NegativeInfinity, 3.5f) })
        {
            var actual = prices.Count(p => p >= min && p <= max) / (double)prices.Count;
            Assert.InRange(histogram.Share(min, max), actual - 0.01, actual + 0.01);
        }
        Assert.Equal(0, histogram.Share(10f, 5f));
    }

    [Fact]
    public void Removed_rows_leave_the_counts()
    {
        var histogram = new PriceHistogram();
        histogram.Adjust(10f, +1);
        histogram.Adjust(0.5f, +1);
        histogram.Adjust(2e9f, +1);
        histogram.Adjust(10f, -1);

        Assert.Equal(2, histogram.Total);
        Assert.Equal(0, histogram.Share(5f, 20f));
        Assert.Equal(0.5, histogram.Share(0f, 1f));
        Assert.Equal(0.5, histogram.Share(1e6f, float.PositiveInfinity));
    }
}
