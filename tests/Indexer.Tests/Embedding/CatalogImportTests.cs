using System.Security.Cryptography;
using Pursearch.Indexer.CatalogImport;

namespace Pursearch.Indexer.Tests.Embedding;

public sealed class CatalogImportTests
{
    [Fact]
    public async Task Import_stores_each_shot_content_addressed_and_upserts_products_with_its_hash()
    {
        await using var world = await IngestWorld.CreateAsync(products: 9);
        var progress = new RecordedProgress<CatalogImportProgress>();

        var result = await new ForgeCatalogImporter(world.Store, batchSize: 4).ImportAsync(world.Forge.Path, progress);

        Assert.Equal((9, 9, 9, 0), (result.Total, result.Created, result.ImagesStored, result.Failed));
        Assert.Equal(9, result.NeedEmbedding.Count);
        var id = world.Forge.IdOf(4);
        var product = await world.Store.Catalog.GetAsync(id);
        var bytes = await File.ReadAllBytesAsync(world.Forge.ImagePathOf(4));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), product!.ImageSha256);
        Assert.Equal(44m, product.Price.Amount);
        Assert.Equal("Flap Bag", product.Style);
        await using var stored = await world.Store.Images.OpenReadAsync(product.ImageSha256!);
        using var copy = new MemoryStream();
        await stored!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal("image/jpeg", (await world.Store.Images.GetInfoAsync(product.ImageSha256!))!.ContentType);
        Assert.Equal([0, 4, 8, 9], progress.Reports.Select(p => p.Processed));
    }

    [Fact]
    public async Task A_second_import_of_the_same_dir_changes_nothing()
    {
        await using var world = await IngestWorld.CreateAsync(products: 9);
        await world.ImportAsync();
        var sequence = await world.Store.Changes.CurrentSequenceAsync();

        var again = await world.ImportAsync();

        Assert.Equal((0, 9, 0, 0), (again.Created, again.Unchanged, again.ImagesStored, again.NeedEmbedding.Count));
        Assert.Equal(sequence, await world.Store.Changes.CurrentSequenceAsync());
        Assert.Equal(9, (await world.Store.DescribeAsync()).Products);
    }

    [Fact]
    public async Task A_new_price_and_a_new_shot_are_classified_and_only_the_new_shot_needs_embedding()
    {
        await using var world = await IngestWorld.CreateAsync(products: 6);
        await world.ImportAsync();
        world.Forge.Items[1].Price = 99m;
        world.Forge.WriteImage(2, TinyImages.Jpeg(500));
        world.Forge.WriteCatalog();

        var result = await world.ImportAsync();

        Assert.Equal((1, 1, 4, 1), (result.PriceChanged, result.ImageChanged, result.Unchanged, result.ImagesStored));
        Assert.Equal([world.Forge.IdOf(2)], result.NeedEmbedding);
        Assert.Equal(99m, (await world.Store.Catalog.GetAsync(world.Forge.IdOf(1)))!.Price.Amount);
    }

    [Fact]
    public async Task A_missing_shot_is_recorded_and_the_other_products_are_imported()
    {
        await using var world = await IngestWorld.CreateAsync(products: 5);
        File.Delete(world.Forge.ImagePathOf(3));

        var result = await world.ImportAsync();

        Assert.Equal(4, result.Created);
        var failure = Assert.Single(result.Failures);
        Assert.Equal((4, world.Forge.IdOf(3)), (failure.Line, failure.ProductId));
        Assert.Contains("does not exist", failure.Message);
        Assert.Null(await world.Store.Catalog.GetAsync(world.Forge.IdOf(3)));
    }

    [Theory]
    [InlineData("{not json", "line 4")]
    [InlineData("""{"retailer":"rue","sku":"X","brand":"B","name":"N","price":{"amount":-1,"currency":"USD"},"productUrl":"https://a.test/p","imageUrl":"https://a.test/i.jpg","image":"products/rue/SKU-000.jpg"}""", "must not be negative")]
    [InlineData("""{"retailer":"rue","sku":"X","brand":"B","name":"N","price":{"amount":1,"currency":"USD"},"productUrl":"https://a.test/p","imageUrl":"https://a.test/i.jpg","image":"../../etc/passwd"}""", "outside the forge dir")]
    [InlineData("""{"productId":"rue:Y","retailer":"rue","sku":"X","brand":"B","name":"N","price":{"amount":1,"currency":"USD"},"productUrl":"https://a.test/p","imageUrl":"https://a.test/i.jpg","image":"products/rue/SKU-000.jpg"}""", "does not match")]
    public async Task A_bad_catalog_line_is_a_typed_error_naming_the_line(string line, string expected)
    {
        await using var world = await IngestWorld.CreateAsync(products: 3);
        world.Forge.WriteCatalog(line);

        var error = await Assert.ThrowsAsync<CatalogImportException>(world.ImportAsync);

        Assert.Equal(4, error.Line);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_dir_without_a_catalog_is_refused()
    {
        await using var world = await IngestWorld.CreateAsync(products: 1);
        var importer = new ForgeCatalogImporter(world.Store);

        var error = await Assert.ThrowsAsync<CatalogImportException>(() => importer.ImportAsync(Path.Combine(world.Forge.Path, "products")));

        Assert.Contains("catalog.jsonl", error.Message);
    }
}
