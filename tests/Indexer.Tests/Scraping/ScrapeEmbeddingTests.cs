using Pursearch.Forge.Sites;
using Pursearch.Indexer.Embedding;
using Pursearch.Indexer.Scraping;
using Pursearch.Indexer.Tests.Embedding;

namespace Pursearch.Indexer.Tests.Scraping;

[Collection(EmbeddingCollection.Name)]
public sealed class ScrapeEmbeddingTests(EmbeddingFixture fixture)
{
    [Fact]
    public async Task Scrapes_embed_new_products_then_only_changed_images_while_price_changes_keep_their_vectors()
    {
        await using var world = await ScrapeWorld.StartAsync();
        await using var pipeline = new EmbeddingPipeline(world.Store, fixture.Embedder, system: fixture.System);
        var space = fixture.Embedder.Space.Id;
        var sinks = new List<InMemoryVectorSink>();
        IEmbeddingQueue Queue()
        {
            var sink = new InMemoryVectorSink();
            lock (sinks)
                sinks.Add(sink);
            return new PipelineEmbeddingQueue(pipeline, sink);
        }

        var first = await world.ScrapeAllAsync(fixture.System, Queue);

        var listed = world.Server.Catalog.Listed().Count;
        Assert.Equal(listed, first.Sum(r => r.Embedding!.Embedded));
        Assert.Equal(listed, await world.Store.Embeddings.CountAsync(space));
        var vectors = new Dictionary<string, DateTimeOffset>();
        foreach (var product in await world.StoredProductsAsync())
            vectors[product.Id.ToString()] = (await world.Store.Embeddings.GetAsync(product.Id, space))!.CreatedAt;

        var repriced = world.Server.Catalog.Change(CatalogChange.Price, 0.05);
        var reimaged = world.Server.Catalog.Change(CatalogChange.Image, 0.05);
        sinks.Clear();
        var second = await world.ScrapeAllAsync(fixture.System, Queue);

        Assert.Equal(reimaged.Count, second.Sum(r => r.Embedding!.Embedded));
        Assert.Equal(ScrapeTests.Sorted(reimaged), ScrapeTests.Sorted(sinks.SelectMany(s => s.Items.Select(i => i.Product.Id))));
        foreach (var id in reimaged)
        {
            var product = (await world.Store.Catalog.GetAsync(id))!;
            var embedding = (await world.Store.Embeddings.GetAsync(id, space))!;
            Assert.Equal(product.ImageSha256, embedding.ImageSha256);
            Assert.True(embedding.CreatedAt > vectors[id.ToString()]);
        }
        foreach (var id in repriced)
        {
            Assert.Equal(world.Server.Find(id)!.Price, (await world.Store.Catalog.GetAsync(id))!.Price);
            Assert.Equal(vectors[id.ToString()], (await world.Store.Embeddings.GetAsync(id, space))!.CreatedAt);
        }
        Assert.Equal(0, await pipeline.CountPendingAsync());
    }
}
