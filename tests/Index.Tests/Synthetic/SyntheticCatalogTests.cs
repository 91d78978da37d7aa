using System.Numerics.Tensors;
using Pursearch.Core.Money;
using Pursearch.Index.Synthetic;

namespace Pursearch.Index.Tests.Synthetic;

public sealed class SyntheticCatalogTests
{
    [Fact]
    public void The_same_seed_gives_the_same_catalog()
    {
        var first = Support.Catalog(300, seed: 4);
        var second = Support.Catalog(300, seed: 4);
        var other = Support.Catalog(300, seed: 5);

        Assert.Equal(first.Records.Select(r => r.Product), second.Records.Select(r => r.Product));
        Assert.Equal(first.Records[17].Vector, second.Records[17].Vector);
        Assert.NotEqual(first.Records[17].Vector, other.Records[17].Vector);
        Assert.All(first.Records, r => Assert.InRange(TensorPrimitives.Norm(r.Vector), 0.999f, 1.001f));
    }

    [Fact]
    public void Prices_follow_tiers_and_dupes_look_like_luxury()
    {
        var catalog = Support.Catalog(3000);
        decimal Median(PriceTier tier) => catalog.Records.Where((_, i) => catalog.Tiers[i] == tier)
            .Select(r => ExchangeRates.Default.Convert(r.Product.Price, Currency.Usd).Amount).Order().ElementAt(100);

        Assert.True(Median(PriceTier.Luxury) > 5 * Median(PriceTier.Mid));
        Assert.True(Median(PriceTier.Mid) > 3 * Median(PriceTier.Dupe));

        // A photo of a luxury bag is closer to the dupes than to the mid-market bags.
        double Closest(float[] query, PriceTier tier) => catalog.Records.Where((_, i) => catalog.Tiers[i] == tier)
            .Max(r => TensorPrimitives.Dot(query, r.Vector));
        var queries = Enumerable.Range(0, 30).Select(_ => catalog.SampleQuery(PriceTier.Luxury)).ToList();
        Assert.True(queries.Count(q => Closest(q, PriceTier.Dupe) > Closest(q, PriceTier.Mid)) >= 24);
    }
}
