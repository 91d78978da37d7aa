using Pursearch.Core.Catalog;
using Pursearch.Core.Versions;
using Pursearch.Storage.Contracts;
using static Pursearch.Storage.Tests.Contract.Samples;

namespace Pursearch.Storage.Tests.Contract;

/// <summary>Overview contract: what <c>store info</c> prints, counted from what was written.</summary>
public abstract class OverviewContract : StoreContract
{
    [Fact]
    public async Task An_empty_store_describes_itself_as_empty()
    {
        var overview = await Store.DescribeAsync();
        Assert.True(overview.SchemaVersion >= 1);
        Assert.Equal(0, overview.Products);
        Assert.Empty(overview.EmbeddingsBySpace);
        Assert.Null(overview.LiveGeneration);
        Assert.Null(overview.LiveModel);
        Assert.Equal(0, overview.ChangeSequence);
        Assert.Equal(Store.Location, overview.Location);
    }

    [Fact]
    public async Task The_overview_counts_what_was_written()
    {
        await Store.Catalog.UpsertManyAsync([Bag("rue:1", sha: Sha("1")), Bag("rue:2", sha: Sha("2")),
            Bag("rue:3", availability: Availability.Discontinued)]);
        await Store.Spaces.RegisterAsync(Space("a", 2));
        await Store.Spaces.RegisterAsync(Space("b", 2));
        await Store.Embeddings.PutManyAsync([new EmbeddingWrite(ProductId.Parse("rue:1"), "a", [1, 0], Sha("1")),
            new EmbeddingWrite(ProductId.Parse("rue:2"), "a", [0, 1], Sha("2"))]);
        await Store.Models.RegisterAsync(Model("m1", "a"));
        await Store.Models.PromoteAsync("m1");
        await Store.Generations.CreateAsync(Generation("g1", GenerationState.Ready, "a"));
        await Store.Generations.CreateAsync(Generation("g2", GenerationState.Building, "b"));
        await Store.Generations.FlipLiveAsync("g1");

        var overview = await Store.DescribeAsync();

        Assert.Equal(3, overview.Products);
        Assert.Equal(2, overview.AvailableProducts);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 2, ["b"] = 0 }, overview.EmbeddingsBySpace);
        Assert.Equal(2, overview.Generations);
        Assert.Equal("g1", overview.LiveGeneration);
        Assert.Equal(1, overview.ModelVersions);
        Assert.Equal("m1", overview.LiveModel);
        Assert.Equal(await Store.Changes.CurrentSequenceAsync(), overview.ChangeSequence);
    }
}
