namespace Pursearch.Index.Columns;

/// <summary>
/// Counts of live rows by price on fixed logarithmic buckets (32 per decade up to 10^7, plus one for [0, 1)),
/// so a price range's share of the shard is estimated without touching the rows.
/// </summary>
internal sealed class PriceHistogram
{
    private const int BucketsPerDecade = 32;
    private const int Decades = 7;
    private const int Buckets = 1 + BucketsPerDecade * Decades;

    private readonly long[] _counts = new long[Buckets];

    public long Total { get; private set; }

    public void Adjust(float price, int delta)
    {
        _counts[BucketOf(price)] += delta;
        Total += delta;
    }

    /// <summary>Estimated share of rows priced within [min, max] (either bound optional).</summary>
    public double Share(float min, float max)
    {
        if (Total <= 0 || max < min)
            return 0;
        double rows = 0;
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            if (_counts[bucket] == 0)
                continue;
            var (low, high) = BoundsOf(bucket);
            rows += _counts[bucket] * Overlap(bucket, low, high, min, max);
        }
        return Math.Clamp(rows / Total, 0, 1);
    }

    private static int BucketOf(float price)
    {
        if (!(price >= 1))
            return 0;
        var bucket = 1 + (int)Math.Floor(Math.Log10(price) * BucketsPerDecade);
        return Math.Min(bucket, Buckets - 1);
    }

    private static (double Low, double High) BoundsOf(int bucket) =>
        bucket == 0
            ? (0, 1)
            : (Math.Pow(10, (bucket - 1) / (double)BucketsPerDecade), Math.Pow(10, bucket / (double)BucketsPerDecade));

    // Within a bucket prices are taken as spread evenly on the bucket's own scale (linear in the first bucket,
    // logarithmic above), and the last bucket holds everything beyond its lower bound.
    private static double Overlap(int bucket, double low, double high, double min, double max)
    {
        if (bucket == Buckets - 1)
            return max >= low ? (min <= low ? 1 : 0.5) : 0;
        var from = Math.Max(low, min);
        var to = Math.Min(high, max);
        if (to < from)
            return 0;
        if (bucket == 0)
            return high > low ? (to - from) / (high - low) : 1;
        var width = Math.Log(high) - Math.Log(low);
        return from <= 0 ? 1 : (Math.Log(to) - Math.Log(from)) / width;
    }
}
