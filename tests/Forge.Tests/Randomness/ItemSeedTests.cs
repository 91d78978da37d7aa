using Pursearch.Forge.Randomness;

namespace Pursearch.Forge.Tests.Randomness;

public class ItemSeedTests
{
    [Fact]
    public void ConsecutiveIndicesGiveUncorrelatedFirstDraws()
    {
        var first = Enumerable.Range(0, 2000).Select(i => ItemSeed.Rng(7, "street", i).NextDouble()).ToList();
        Assert.InRange(first.Average(), 0.45, 0.55);
        var lagged = Enumerable.Range(1, first.Count - 1).Select(i => (first[i - 1] - 0.5) * (first[i] - 0.5)).Average() * 12;
        Assert.InRange(lagged, -0.08, 0.08);
        // new Random(i) with consecutive seeds fails this: neighbouring seeds' first draws are strongly correlated.
        var plain = Enumerable.Range(0, 2000).Select(i => new Random(i).NextDouble()).ToList();
        var plainLagged = Enumerable.Range(1, plain.Count - 1).Select(i => (plain[i - 1] - 0.5) * (plain[i] - 0.5)).Average() * 12;
        Assert.True(Math.Abs(plainLagged) > 0.3, $"expected System.Random's consecutive seeds to correlate, got {plainLagged:F2}");
    }

    [Fact]
    public void SeedStreamAndIndexEachChangeTheSeed()
    {
        var seeds = new HashSet<int>
        {
            ItemSeed.Of(7, "street", 1), ItemSeed.Of(8, "street", 1), ItemSeed.Of(7, "product", 1), ItemSeed.Of(7, "street", 2),
        };
        Assert.Equal(4, seeds.Count);
        Assert.Equal(ItemSeed.Of(7, "street", 1), ItemSeed.Of(7, "street", 1));
        Assert.All(seeds, s => Assert.True(s >= 0));
    }
}
