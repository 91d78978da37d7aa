using Pursearch.Core;
using Pursearch.Core.Catalog;

namespace Pursearch.Core.Tests.Catalog;

public class ShardFunctionTests
{
    // Pinned: changing these values silently re-homes every product of every generation.
    [Theory]
    [InlineData("rue:r-0042", 8, 4)]
    [InlineData("maison:MA-FLAP-001", 8, 1)]
    [InlineData("kestrel:k-7", 8, 5)]
    [InlineData("rue:r-0042", 1000, 604)]
    public void Known_ids_land_on_known_shards(string id, int shards, int expected) =>
        Assert.Equal(expected, ShardFunction.ShardOf(ProductId.Parse(id), shards));

    [Fact]
    public void Normalised_spellings_of_one_id_share_a_shard() =>
        Assert.Equal(
            ShardFunction.ShardOf(new ProductId("RUE", " r-0042 "), 8),
            ShardFunction.ShardOf(ProductId.Parse("rue:r-0042"), 8));

    [Fact]
    public void Ids_spread_over_all_shards_roughly_evenly()
    {
        var counts = new int[8];
        for (var i = 0; i < 8000; i++)
            counts[ShardFunction.ShardOf(new ProductId("rue", $"sku-{i}"), 8)]++;
        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void Shard_count_must_be_positive() =>
        Assert.Throws<DomainException>(() => ShardFunction.ShardOf(ProductId.Parse("rue:x"), 0));
}
