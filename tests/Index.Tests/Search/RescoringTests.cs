using Pursearch.Core;
using Pursearch.Core.Search;

namespace Pursearch.Index.Tests.Search;

public sealed class RescoringTests
{
    private const int Dims = 16;

    [Theory]
    [InlineData(null)]
    [InlineData(QueryPlan.Exact)]
    [InlineData(QueryPlan.Hnsw)]
    public void Hits_are_ordered_by_the_new_score_among_the_nearest_candidates(QueryPlan? plan)
    {
        using var shard = ShardOf(60);
        var query = Support.UnitVector(Dims, 1);
        var nearest = shard.Search(new ShardQuery(query, 60) { Plan = plan }).Hits;
        // Favour the candidates whose id ends in 7 above any cosine; only the 20 nearest are looked at.
        var rescorer = new SuffixBonus("7", candidates: 20);

        var hits = shard.Search(new ShardQuery(query, 5) { Plan = plan, Rescorer = rescorer }).Hits;

        var expected = nearest.Take(20)
            .Select(h => (h.Product.Id, Score: h.Score + (h.Product.Id.Sku.EndsWith('7') ? 10 : 0)))
            .OrderByDescending(h => h.Score).Take(5).ToList();
        Assert.Equal(expected.Select(h => h.Id), hits.Select(h => h.Product.Id));
        Assert.All(hits.Zip(expected), pair => Assert.Equal(pair.Second.Score, pair.First.Score, 4));
        Assert.Equal(20, rescorer.Calls);
    }

    [Fact]
    public void The_rescorer_sees_each_candidates_stored_vector()
    {
        using var shard = ShardOf(10);
        var rescorer = new SuffixBonus("none", candidates: 10);

        shard.Search(new ShardQuery(Support.UnitVector(Dims, 3), 3) { Rescorer = rescorer });

        Assert.Equal(Enumerable.Range(0, 10), rescorer.SeenSeeds.Order());
    }

    [Fact]
    public void A_candidate_count_out_of_range_is_refused()
    {
        using var shard = ShardOf(5);

        var error = Assert.Throws<DomainException>(() =>
            shard.Search(new ShardQuery(Support.UnitVector(Dims, 1), 3) { Rescorer = new SuffixBonus("7", 0) }));
        Assert.Contains("candidates", error.Message);
    }

    private static IndexShard ShardOf(int products)
    {
        var shard = IndexShard.Create(Support.Options(Dims));
        for (var i = 0; i < products; i++)
            shard.Upsert(Support.Product($"rue:r-{i}"), Support.UnitVector(Dims, i));
        return shard;
    }

    // Knows each stored vector by its seed: the product rue:r-{seed} holds UnitVector(seed).
    private sealed class SuffixBonus(string suffix, int candidates) : IHitRescorer
    {
        public int Candidates => candidates;
        public int Calls => SeenSeeds.Count;
        public List<int> SeenSeeds { get; } = [];

        public float Rescore(float similarity, ReadOnlySpan<float> candidate)
        {
            var seed = SeedOf(candidate);
            SeenSeeds.Add(seed);
            return similarity + (seed.ToString(System.Globalization.CultureInfo.InvariantCulture).EndsWith(suffix, StringComparison.Ordinal) ? 10 : 0);
        }

        private static int SeedOf(ReadOnlySpan<float> candidate)
        {
            for (var seed = 0; seed < 100; seed++)
                if (System.Numerics.Tensors.TensorPrimitives.Dot(Support.UnitVector(Dims, seed), candidate) > 0.99f)
                    return seed;
            throw new InvalidOperationException("a vector the test never stored");
        }
    }
}
