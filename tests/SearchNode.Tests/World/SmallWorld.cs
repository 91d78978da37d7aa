using Microsoft.Extensions.Logging.Abstractions;
using Pursearch.Core.Money;
using Pursearch.Core.Versions;
using Pursearch.Forge;
using Pursearch.Forge.Rendering.Scenes;
using Pursearch.Forge.World;
using Pursearch.SearchNode.Hosting;
using Pursearch.SearchNode.Shards;
using Pursearch.Storage;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;

namespace Pursearch.SearchNode.Tests.World;

/// <summary>
/// A small prepared data dir, made once per test run like <c>up --demo --prepare-only</c> makes a big one: a Forge
/// world (60 products, a few street photos), its catalog and product shots in the store, vectors, fitted heads as
/// live model m1, and generation g1 (8 shards) live with snapshots. Tests copy it (<see cref="CopyAsync"/>) and
/// start nodes on the copy, so what one test changes no other sees.
/// </summary>
public sealed class SmallWorld : IAsyncLifetime
{
    public const int Seed = 7;
    public const int Products = 60;
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"pursearch-node-tests-{Guid.NewGuid():N}");

    public ImageEmbedder Embedder { get; } = ImageEmbedder.Create(new EmbedderOptions
    {
        Inference = new InferenceOptions { IntraOpThreads = 1, InterOpThreads = 1 },
    });

    public ForgeWorld Forge { get; } = ForgeWorld.Create(Seed, Products);
    public string Template => Path.Combine(_root, "template");
    public DataLayout TemplateLayout => new(Template);

    /// <summary>Held-out street photos (never used to fit the heads), as JPEG bytes.</summary>
    public IReadOnlyList<byte[]> StreetPhotos { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var layout = TemplateLayout;
        await ForgeGenerator.GenerateAsync(layout.ForgeDirectory,
            new ForgeOptions { Seed = Seed, Products = Products, Street = 6, TrainStreet = 10, Negatives = 6, Parallelism = 2 });
        await using (var store = await OpenStoreAsync(Template))
        {
            var space = Embedder.Space;
            await store.Spaces.RegisterAsync(space);
            var vectors = await ImportAsync(store, layout);
            await RegisterHeadsAsync(store, layout, vectors);
            var loader = new ShardLoader(store, layout, ExchangeRates.Default, NullLogger<ShardLoader>.Instance);
            await new GenerationBuilder(store, loader).BuildAsync(space.Id, 8, null, CancellationToken.None);
        }
        StreetPhotos = [.. Directory.EnumerateFiles(layout.HeldOutDirectory, "*.jpg", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/_none/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
    }

    /// <summary>A private copy of the prepared data dir.</summary>
    public string Copy()
    {
        var target = Path.Combine(_root, $"copy-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(Template, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    public static Task<IStore> OpenStoreAsync(string dataDirectory) =>
        StoreFactory.OpenAsync(StoreUri.Default(dataDirectory), new StoreOptions(dataDirectory));

    private readonly SemaphoreSlim _sharedGate = new(1, 1);
    private TestNode? _shared;

    /// <summary>One node for the tests that only read; tests that change things start their own.</summary>
    public async Task<TestNode> SharedNodeAsync()
    {
        await _sharedGate.WaitAsync();
        try
        {
            return _shared ??= await TestNode.StartAsync(this);
        }
        finally
        {
            _sharedGate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_shared is not null)
            await _shared.DisposeAsync();
        Embedder.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<List<(HeadClass, float[])>> ImportAsync(IStore store, DataLayout layout)
    {
        var decoder = new ImageDecoder();
        var examples = new List<(HeadClass, float[])>();
        foreach (var batch in Forge.Products.Chunk(16))
        {
            var products = new List<Core.Catalog.Product>();
            var images = new List<RgbaImage>();
            foreach (var p in batch)
            {
                var bytes = await File.ReadAllBytesAsync(Path.Combine(layout.ForgeDirectory, p.ImagePath));
                var put = await store.Images.PutAsync(new MemoryStream(bytes), "image/jpeg");
                products.Add(p.ToCatalogProduct().WithImage(put.Image.Sha256));
                using var decoded = decoder.Decode(bytes, Embedder.InputSide);
                images.Add(decoded.Square(Embedder.InputSide));
            }
            await store.Catalog.UpsertManyAsync(products);
            var vectors = Embedder.Embed(images);
            await store.Embeddings.PutManyAsync([.. products.Select((p, i) =>
                new EmbeddingWrite(p.Id, Embedder.Space.Id, vectors[i], p.ImageSha256!))]);
            examples.AddRange(batch.Select((p, i) => (ClassOf(p), vectors[i])));
        }
        return examples;
    }

    private async Task RegisterHeadsAsync(IStore store, DataLayout layout, List<(HeadClass, float[])> examples)
    {
        var decoder = new ImageDecoder();
        var train = Path.Combine(layout.ForgeDirectory, "labelled", "train");
        foreach (var negative in Directory.EnumerateFiles(Path.Combine(train, "_none"), "*.jpg"))
        {
            using var image = decoder.Decode(await File.ReadAllBytesAsync(negative), Embedder.InputSide);
            examples.Add((HeadClass.NotHandbag, Embedder.Embed(image.Square(Embedder.InputSide))));
        }
        var photos = new List<(DecodedImage, NormalizedBox)>();
        for (var i = 0; i < 10; i++)
        {
            var plan = StreetPlanner.Plan(Forge, Split.Train, i, negative: false);
            var box = plan.Bags.First(b => b.Primary).Placement.Box;
            photos.Add((decoder.Decode(StreetRenderer.RenderJpeg(plan), 448),
                NormalizedBox.FromCorners((double)box.Left / plan.Width, (double)box.Top / plan.Height,
                    (double)box.Right / plan.Width, (double)box.Bottom / plan.Height)));
        }
        var heads = new HeadSet(Embedder.Space.Id, FixtureHeads.Identification(examples), FixtureHeads.Crop(Embedder, photos));
        foreach (var (image, _) in photos)
            image.Dispose();
        HeadSetFiles.Save(heads, Path.Combine(layout.Root, "models", "m1"));
        await store.Models.RegisterAsync(new ModelVersion("m1", Embedder.Space.Id, "models/m1", DateTimeOffset.UtcNow));
        await store.Models.PromoteAsync("m1");
    }

    private static HeadClass ClassOf(ForgeProduct p) => new(p.Style.ClassSlug, p.Style.Brand.Name, p.Style.Name);
}

[CollectionDefinition(Name)]
public sealed class NodeCollection : ICollectionFixture<SmallWorld>
{
    public const string Name = "node";
}
