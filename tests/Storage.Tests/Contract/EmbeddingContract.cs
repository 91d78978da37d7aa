using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Storage.Contracts;
using static Pursearch.Storage.Tests.Contract.Samples;

namespace Pursearch.Storage.Tests.Contract;

/// <summary>Embedding contract: vectors per (product, space), what needs embedding, and streaming one shard.</summary>
public abstract class EmbeddingContract : StoreContract
{
    private const string SpaceId = "resnet18-v1";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.Spaces.RegisterAsync(Space(SpaceId, dimensions: 4));
    }

    [Fact]
    public async Task A_vector_round_trips_bit_for_bit_with_the_image_it_was_made_from()
    {
        var bag = Bag(sha: Sha("img"));
        await Store.Catalog.UpsertAsync(bag);
        float[] vector = [-0.0f, float.Epsilon, -3.4028235e38f, 0.1f];

        await Store.Embeddings.PutAsync(new EmbeddingWrite(bag.Id, SpaceId, vector, Sha("img")));

        var stored = await Store.Embeddings.GetAsync(bag.Id, SpaceId);
        Assert.NotNull(stored);
        Assert.Equal(vector.Select(BitConverter.SingleToInt32Bits), stored.Vector.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(Sha("img"), stored.ImageSha256);
        Assert.Null(await Store.Embeddings.GetAsync(bag.Id, "other-space"));
    }

    [Fact]
    public async Task Putting_again_replaces_the_vector()
    {
        var bag = Bag(sha: Sha("v2"));
        await Store.Catalog.UpsertAsync(bag);
        await Store.Embeddings.PutAsync(new EmbeddingWrite(bag.Id, SpaceId, [1, 1, 1, 1], Sha("v1")));
        await Store.Embeddings.PutAsync(new EmbeddingWrite(bag.Id, SpaceId, [2, 2, 2, 2], Sha("v2")));

        var stored = await Store.Embeddings.GetAsync(bag.Id, SpaceId);
        Assert.Equal([2f, 2, 2, 2], stored!.Vector);
        Assert.Equal(Sha("v2"), stored.ImageSha256);
        Assert.Equal(1, await Store.Embeddings.CountAsync(SpaceId));
    }

    [Fact]
    public async Task A_vector_of_the_wrong_length_an_unknown_space_or_an_unknown_product_is_refused()
    {
        var bag = Bag(sha: Sha("img"));
        await Store.Catalog.UpsertAsync(bag);

        var wrongLength = await Assert.ThrowsAsync<DomainException>(() =>
            Store.Embeddings.PutAsync(new EmbeddingWrite(bag.Id, SpaceId, [1, 2, 3], Sha("img"))));
        Assert.Equal("vector", wrongLength.Field);
        await Assert.ThrowsAsync<StoreNotFoundException>(() =>
            Store.Embeddings.PutAsync(new EmbeddingWrite(bag.Id, "nowhere", [1, 2, 3, 4], Sha("img"))));
        await Assert.ThrowsAsync<StoreNotFoundException>(() =>
            Store.Embeddings.PutAsync(new EmbeddingWrite(ProductId.Parse("rue:ghost"), SpaceId, [1, 2, 3, 4], Sha("img"))));
        Assert.Equal("vector", Assert.Throws<DomainException>(() =>
            new EmbeddingWrite(bag.Id, SpaceId, [1, float.NaN, 3, 4], Sha("img"))).Field);
    }

    [Fact]
    public async Task A_batch_with_one_bad_vector_stores_nothing()
    {
        await Store.Catalog.UpsertAsync(Bag("rue:1", sha: Sha("1")));
        var before = await Store.Changes.CurrentSequenceAsync();

        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Embeddings.PutManyAsync(
        [
            new EmbeddingWrite(ProductId.Parse("rue:1"), SpaceId, [1, 2, 3, 4], Sha("1")),
            new EmbeddingWrite(ProductId.Parse("rue:ghost"), SpaceId, [1, 2, 3, 4], Sha("1")),
        ]));

        Assert.Equal(0, await Store.Embeddings.CountAsync(SpaceId));
        Assert.Equal(before, await Store.Changes.CurrentSequenceAsync());
    }

    [Fact]
    public async Task Products_need_a_vector_until_they_have_one_for_their_current_image()
    {
        await Store.Spaces.RegisterAsync(Space("other", dimensions: 4));
        await Store.Catalog.UpsertManyAsync([Bag("rue:a", sha: Sha("a")), Bag("rue:b", sha: Sha("b")), Bag("rue:no-image")]);
        Assert.Equal(["rue:a", "rue:b"], await NeedingAsync(SpaceId));

        await Store.Embeddings.PutAsync(new EmbeddingWrite(ProductId.Parse("rue:a"), SpaceId, [1, 2, 3, 4], Sha("a")));
        Assert.Equal(["rue:b"], await NeedingAsync(SpaceId));
        Assert.Equal(["rue:a", "rue:b"], await NeedingAsync("other"));

        await Store.Catalog.UpsertAsync(Bag("rue:a", sha: Sha("a2")));
        Assert.Equal(["rue:a", "rue:b"], await NeedingAsync(SpaceId));

        await Store.Catalog.UpsertAsync(Bag("rue:b", sha: Sha("b"), price: 1m));
        var page = await Store.Embeddings.ListNeedingAsync(SpaceId, ProductId.Parse("rue:a"), 10);
        Assert.Equal(["rue:b"], page.Select(p => p.Id.ToString()));
        Assert.Equal(1m, page[0].Price.Amount);
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Embeddings.ListNeedingAsync("nowhere", null, 10));
    }

    [Fact]
    public async Task The_shards_of_a_space_partition_its_vectors_by_the_shard_function()
    {
        const int shards = 3;
        var products = Enumerable.Range(0, 300).Select(i => Bag($"rue:{i:D4}", price: i, sha: Sha($"{i}"))).ToList();
        await Store.Catalog.UpsertManyAsync(products.Append(Bag("rue:no-vector", sha: Sha("x"))).ToList());
        await Store.Embeddings.PutManyAsync(products.Select((p, i) => new EmbeddingWrite(p.Id, SpaceId, [i, 0, 0, 1], Sha($"{i}"))).ToList());

        var streamed = new List<string>();
        for (var shard = 0; shard < shards; shard++)
        {
            var ids = new List<string>();
            await foreach (var item in Store.Embeddings.StreamShardAsync(SpaceId, shard, shards))
            {
                Assert.Equal(shard, ShardFunction.ShardOf(item.Product.Id, shards));
                var index = int.Parse(item.Product.Id.Sku);
                Assert.Equal([index, 0f, 0, 1], item.Vector);
                Assert.Equal(products[index], item.Product);
                ids.Add(item.Product.Id.ToString());
            }
            Assert.NotEmpty(ids);
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
            streamed.AddRange(ids);
        }

        Assert.Equal(products.Select(p => p.Id.ToString()).Order(), streamed.Order());
        Assert.Equal(300, await Store.Embeddings.CountAsync(SpaceId));
    }

    [Fact]
    public async Task Streaming_an_unknown_space_or_a_shard_out_of_range_is_refused()
    {
        await Assert.ThrowsAsync<StoreNotFoundException>(async () =>
        {
            await foreach (var _ in Store.Embeddings.StreamShardAsync("nowhere", 0, 2)) { }
        });
        var e = await Assert.ThrowsAsync<DomainException>(async () =>
        {
            await foreach (var _ in Store.Embeddings.StreamShardAsync(SpaceId, 2, 2)) { }
        });
        Assert.Equal("shard", e.Field);
    }

    private async Task<List<string>> NeedingAsync(string space) =>
        (await Store.Embeddings.ListNeedingAsync(space, null, 100)).Select(p => p.Id.ToString()).ToList();
}
