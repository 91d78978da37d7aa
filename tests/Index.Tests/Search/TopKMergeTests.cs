using Pursearch.Index.Search;

namespace Pursearch.Index.Tests.Search;

public sealed class TopKMergeTests
{
    private static ShardHit Hit(string id, float score) => new(Support.Product(id), score);

    [Fact]
    public void The_best_hits_of_all_shards_come_first()
    {
        var merged = TopKMerge.Merge(
        [
            [Hit("a:1", 0.9f), Hit("a:2", 0.5f)],
            [Hit("b:1", 0.95f), Hit("b:2", 0.7f), Hit("b:3", 0.1f)],
            [],
        ], 3);

        Assert.Equal(["b:1", "a:1", "b:2"], merged.Select(h => h.Product.Id.ToString()));
    }

    [Fact]
    public void A_product_answered_twice_counts_once_with_its_best_score()
    {
        var merged = TopKMerge.Merge([[Hit("a:1", 0.4f)], [Hit("a:1", 0.8f), Hit("b:1", 0.6f)]], 10);

        Assert.Equal([("a:1", 0.8f), ("b:1", 0.6f)], merged.Select(h => (h.Product.Id.ToString(), h.Score)));
    }

    [Fact]
    public void Ties_order_by_id_whatever_shard_answers_first()
    {
        var first = TopKMerge.Merge([[Hit("b:1", 0.5f)], [Hit("a:1", 0.5f)]], 1);
        var second = TopKMerge.Merge([[Hit("a:1", 0.5f)], [Hit("b:1", 0.5f)]], 1);

        Assert.Equal("a:1", first.Single().Product.Id.ToString());
        Assert.Equal(first, second);
        Assert.Throws<ArgumentOutOfRangeException>(() => TopKMerge.Merge([], 0));
    }
}
