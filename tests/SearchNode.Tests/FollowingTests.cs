using System.Text.Json;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Index.Snapshots;
using Pursearch.SearchNode.Hosting;
using Pursearch.SearchNode.Tests.World;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Tests;

[Collection(NodeCollection.Name)]
public sealed class FollowingTests(SmallWorld world)
{
    [Fact]
    public async Task A_running_node_follows_price_changes_and_new_vectors_in_the_store()
    {
        await using var node = await TestNode.StartAsync(world);
        var product = await node.Store.Catalog.GetAsync(world.Forge.Products[3].Id);
        var cheap = Reprice(product!, 1.50m);

        await node.Store.Catalog.UpsertAsync(cheap);
        var added = await AddCopyAsync(node.Store, world.Forge.Products[4].Id, "added-1");

        var r = await EventuallyAsync(() => Requests.SearchAsync(node.Http, world.StreetPhotos[0], "?maxPrice=2&currency=USD&k=5"),
            r => r.GetProperty("results").GetArrayLength() > 0);
        Assert.Equal(cheap.Id.ToString(), Assert.Single(r.GetProperty("results").EnumerateArray()).GetProperty("productId").GetString());
        var ready = await EventuallyAsync(() => Requests.GetJsonAsync(node.Http, "/readyz"),
            ready => ready.GetProperty("vectors").GetInt64() == SmallWorld.Products + 1);
        Assert.Equal(SmallWorld.Products + 1, ready.GetProperty("vectors").GetInt64());
        var similar = await Requests.GetJsonAsync(node.Http, $"/api/v1/products/{world.Forge.Products[4].Id}/similar?k=50&collapse=false");
        Assert.DoesNotContain(similar.GetProperty("results").EnumerateArray(), x => x.GetProperty("productId").GetString() == world.Forge.Products[4].Id.ToString());
        Assert.Contains(similar.GetProperty("results").EnumerateArray(), x => x.GetProperty("productId").GetString() == added.Id.ToString());
    }

    [Fact]
    public async Task A_second_start_reuses_the_snapshots_and_catches_up_on_what_changed_meanwhile()
    {
        var data = world.Copy();
        var snapshot = new DataLayout(data).SnapshotOf("g1", 0);
        var savedAt = SnapshotManifest.Read(snapshot).SavedAt;
        await using (var first = await TestNode.StartAsync(world, dataDirectory: data))
            Assert.Equal(SmallWorld.Products, (await Requests.GetJsonAsync(first.Http, "/readyz")).GetProperty("vectors").GetInt64());
        Assert.Equal(savedAt, SnapshotManifest.Read(snapshot).SavedAt);
        await using (var store = await SmallWorld.OpenStoreAsync(data))
            await AddCopyAsync(store, world.Forge.Products[7].Id, "while-stopped");

        await using var second = await TestNode.StartAsync(world, dataDirectory: data);

        Assert.Equal(SmallWorld.Products + 1, (await Requests.GetJsonAsync(second.Http, "/readyz")).GetProperty("vectors").GetInt64());
        var product = await Requests.GetJsonAsync(second.Http, $"/api/v1/products/{world.Forge.Products[7].Id.Retailer}:while-stopped");
        Assert.Equal("while-stopped", product.GetProperty("sku").GetString());
    }

    /// <summary>A new product (its own family) with the image and vector of an existing one.</summary>
    private static async Task<Product> AddCopyAsync(IStore store, ProductId of, string sku)
    {
        var source = (await store.Catalog.GetAsync(of))!;
        var copy = new Product(new ProductId(of.Retailer, sku), source.Brand, source.Name + " (new)", source.Price, source.ProductUrl,
            source.ImageUrl, source.Availability, source.Style, sku, source.Colour, source.ImageSha256);
        await store.Catalog.UpsertAsync(copy);
        var space = (await store.Spaces.ListAsync())[0].Id;
        var vector = (await store.Embeddings.GetAsync(of, space))!;
        await store.Embeddings.PutAsync(new EmbeddingWrite(copy.Id, space, vector.Vector, vector.ImageSha256));
        return copy;
    }

    private static Product Reprice(Product p, decimal usd) =>
        new(p.Id, p.Brand, p.Name, new Money(usd, Currency.Usd), p.ProductUrl, p.ImageUrl, p.Availability, p.Style, p.FamilyId,
            p.Colour, p.ImageSha256, p.FirstSeen, p.LastSeen);

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        JsonElement last = default;
        for (var i = 0; i < 50; i++)
        {
            last = await read();
            if (done(last))
                return last;
            await Task.Delay(200);
        }
        return last;
    }
}
