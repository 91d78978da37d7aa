using Pursearch.Core.Money;
using Pursearch.Core.Search;
using Pursearch.Index.Synthetic;

namespace Pursearch.Index.Tests;

public sealed class RecallTests
{
    private static readonly SyntheticCatalog Catalog = Support.Catalog(5000, seed: 21);

    private static double MeanRecall(IndexShard shard, IReadOnlyList<ShardRecord> records, Func<ShardQuery> query,
        Func<IndexedProduct, bool> passes, int queries = 60)
    {
        double total = 0;
        for (var i = 0; i < queries; i++)
        {
            var q = query();
            var truth = Support.BruteForce(records, q.Vector, 10, passes);
            total += Support.Recall(truth, shard.Search(q).Hits);
        }
        return total / queries;
    }

    [Fact]
    public void Unfiltered_recall_at_ten_is_high_at_the_default_walk_width()
    {
        using var shard = Support.Shard(Catalog);
        var all = new SearchFilter(includeUnavailable: true);

        var recall = MeanRecall(shard, Catalog.Records, () => new ShardQuery(Catalog.SampleQuery()) { Filter = all }, _ => true);

        Assert.True(recall >= 0.95, $"recall@10 {recall:F3}");
    }

    [Fact]
    public void Recall_holds_after_a_fifth_of_the_shard_is_deleted()
    {
        using var shard = Support.Shard(Catalog);
        var random = new Random(5);
        var deleted = Catalog.Records.Where(_ => random.NextDouble() < 0.2).Select(r => r.Product.Id).ToHashSet();
        foreach (var id in deleted)
            shard.Remove(id);
        var remaining = Catalog.Records.Where(r => !deleted.Contains(r.Product.Id)).ToList();
        var all = new SearchFilter(includeUnavailable: true);

        var recall = MeanRecall(shard, remaining, () => new ShardQuery(Catalog.SampleQuery()) { Filter = all }, _ => true);

        Assert.InRange(deleted.Count, 900, 1100);
        Assert.Equal(5000 - deleted.Count, shard.Count);
        Assert.True(recall >= 0.95, $"recall@10 after deletes {recall:F3}");
    }

    [Fact]
    public void Filtered_walks_keep_recall_near_exact()
    {
        using var shard = Support.Shard(Catalog);
        var tenth = new SearchFilter(retailers: Catalog.RetailerSlugs(10), includeUnavailable: true);
        var plans = new HashSet<QueryPlan>();

        var recall = MeanRecall(shard, Catalog.Records, () => new ShardQuery(Catalog.SampleQuery()) { Filter = tenth },
            p => Support.Passes(p, tenth, ExchangeRates.Default));
        plans.Add(shard.Search(new ShardQuery(Catalog.SampleQuery()) { Filter = tenth }).Plan);

        Assert.Equal([QueryPlan.Hnsw], plans);
        Assert.True(recall >= 0.99, $"filtered recall@10 {recall:F3}");
    }

    [Fact]
    public void A_query_near_luxury_bags_with_a_dupe_budget_finds_the_dupes()
    {
        using var shard = Support.Shard(Catalog);
        var budget = new SearchFilter(maxPrice: 100m);

        var recall = MeanRecall(shard, Catalog.Records, () => new ShardQuery(Catalog.SampleQuery(PriceTier.Luxury)) { Filter = budget },
            p => Support.Passes(p, budget, ExchangeRates.Default));

        Assert.True(recall >= 0.99, $"adversarial recall@10 {recall:F3}");
    }
}
