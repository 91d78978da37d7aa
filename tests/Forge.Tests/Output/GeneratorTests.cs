using System.Security.Cryptography;
using System.Text.Json;
using Pursearch.Core.Catalog;
using Pursearch.Forge.Output;

namespace Pursearch.Forge.Tests.Output;

public class GeneratorTests
{
    private static readonly ForgeOptions Small = new()
    {
        Seed = 7, Products = 8, Street = 6, TrainStreet = 6, Negatives = 4, Parallelism = 2,
    };

    [Fact]
    public async Task TheSameSeedWritesByteIdenticalFilesAndAnotherSeedDifferentImages()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        using var other = new TempFolder();
        await ForgeGenerator.GenerateAsync(first.Path, Small);
        await ForgeGenerator.GenerateAsync(second.Path, Small with { Parallelism = 1 });
        await ForgeGenerator.GenerateAsync(other.Path, Small with { Seed = 8 });
        var a = Hashes(first.Path);
        Assert.Equal(a, Hashes(second.Path));
        var b = Hashes(other.Path);
        var sharedImages = a.Keys.Intersect(b.Keys).Where(k => k.EndsWith(".jpg", StringComparison.Ordinal)).ToList();
        Assert.All(sharedImages, k => Assert.NotEqual(a[k], b[k]));
        Assert.NotEqual(a[LabelledLayout.Catalog], b[LabelledLayout.Catalog]);
    }

    [Fact]
    public async Task WritesTheContractLayout()
    {
        using var dir = new TempFolder();
        var summary = await ForgeGenerator.GenerateAsync(dir.Path, Small);
        Assert.Equal(8 + 6 + 6 + 4, summary.Images);

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir.Path, "forge.json")));
        var root = manifest.RootElement;
        Assert.Equal("forge-1.0", root.GetProperty("forgeVersion").GetString());
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal(8, root.GetProperty("products").GetInt32());
        Assert.Equal(6, root.GetProperty("street").GetInt32());
        var classes = root.GetProperty("classes").EnumerateArray().ToList();
        Assert.Equal(18, classes.Count);
        Assert.All(classes, c => Assert.All(new[] { "brand", "style", "silhouette", "signature", "hardware", "slug" },
            key => Assert.False(string.IsNullOrEmpty(c.GetProperty(key).GetString()))));
        Assert.All(root.GetProperty("retailers").EnumerateArray(), r =>
        {
            Assert.NotNull(r.GetProperty("slug").GetString());
            Assert.NotNull(r.GetProperty("name").GetString());
            Assert.NotNull(r.GetProperty("currency").GetString());
        });

        var lines = File.ReadAllLines(Path.Combine(dir.Path, "catalog.jsonl"));
        Assert.Equal(8, lines.Length);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var p = doc.RootElement;
            var id = ProductId.Parse(p.GetProperty("productId").GetString()!);
            Assert.Equal(id.Retailer, p.GetProperty("retailer").GetString());
            Assert.Equal(id.Sku, p.GetProperty("sku").GetString());
            Assert.Equal($"https://{id.Retailer}.forge.test/p/{id.Sku}", p.GetProperty("productUrl").GetString());
            Assert.Equal($"https://{id.Retailer}.forge.test/img/{id.Sku}.jpg", p.GetProperty("imageUrl").GetString());
            Assert.Equal("InStock", p.GetProperty("availability").GetString());
            Assert.True(p.GetProperty("price").GetProperty("amount").GetDecimal() > 0);
            Assert.Contains(classes, c => c.GetProperty("slug").GetString() == p.GetProperty("trueClass").GetString());
            foreach (var key in new[] { "brand", "name", "style", "familyId", "colour" })
                Assert.False(string.IsNullOrEmpty(p.GetProperty(key).GetString()));
            p.GetProperty("dupe").GetBoolean();
            Assert.True(IsJpeg(Path.Combine(dir.Path, p.GetProperty("image").GetString()!)));
        }

        var sidecars = Directory.GetFiles(Path.Combine(dir.Path, "labelled"), "*.json", SearchOption.AllDirectories);
        Assert.Equal(6 + 6 + 4, sidecars.Length);
        foreach (var sidecar in sidecars)
            AssertSidecar(sidecar, classes.Select(c => c.GetProperty("slug").GetString()!).ToHashSet());
        Assert.Equal(2, Directory.GetFiles(Path.Combine(dir.Path, "labelled", "heldout", "_none"), "*.jpg").Length);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(dir.Path, "labelled", "train", "_none"), "*.jpg").Length);
    }

    [Fact]
    public async Task CanWriteOnlyAHeldOutSet()
    {
        using var dir = new TempFolder();
        var progress = new List<ForgeProgress>();
        await ForgeGenerator.GenerateAsync(dir.Path, ForgeOptions.HeldOutOnly(seed: 12, street: 5, negatives: 3) with { Parallelism = 2 },
            new ListProgress(progress));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "products")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "labelled", "train")));
        Assert.Empty(File.ReadAllText(Path.Combine(dir.Path, "catalog.jsonl")));
        Assert.Equal(8, Directory.GetFiles(Path.Combine(dir.Path, "labelled", "heldout"), "*.jpg", SearchOption.AllDirectories).Length);
        Assert.Contains(new ForgeProgress(ForgeGenerator.HeldOutStage, 5, 5), progress);
        Assert.Contains(new ForgeProgress(ForgeGenerator.NegativesStage, 3, 3), progress);
        foreach (var stage in progress.GroupBy(p => p.Stage))
            Assert.Equal(stage.Select(p => p.Done).Order(), stage.Select(p => p.Done));
    }

    [Fact]
    public async Task RejectsNegativeCountsBeforeWritingAnything()
    {
        using var dir = new TempFolder();
        var target = Path.Combine(dir.Path, "out");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ForgeGenerator.GenerateAsync(target, Small with { Street = -1 }));
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void NegativesAreSplitEvenlyOrAllToTheOnlySplit()
    {
        Assert.Equal((150, 150), new ForgeOptions().NegativeSplit);
        Assert.Equal((0, 7), (new ForgeOptions { TrainStreet = 0, Negatives = 7 }).NegativeSplit);
        Assert.Equal((7, 0), (new ForgeOptions { Street = 0, Negatives = 7 }).NegativeSplit);
    }

    private static void AssertSidecar(string path, IReadOnlySet<string> classes)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var s = doc.RootElement;
        var folder = Path.GetDirectoryName(path)!;
        var image = Path.Combine(folder, s.GetProperty("image").GetString()!);
        Assert.True(IsJpeg(image));
        Assert.Equal(Path.GetFileNameWithoutExtension(path), Path.GetFileNameWithoutExtension(image));
        Assert.Equal(640, s.GetProperty("width").GetInt32());
        Assert.Equal(480, s.GetProperty("height").GetInt32());
        Assert.Equal(7, s.GetProperty("seed").GetInt32());
        var bags = s.GetProperty("bags").EnumerateArray().ToList();
        if (Path.GetFileName(folder) == LabelledLayout.NoneFolder)
        {
            Assert.Empty(bags);
            return;
        }
        Assert.Single(bags, b => b.GetProperty("primary").GetBoolean());
        var primary = bags.First(b => b.GetProperty("primary").GetBoolean());
        var slug = primary.GetProperty("class").GetString()!;
        Assert.Contains(slug, classes);
        Assert.EndsWith(slug.Replace('/', Path.DirectorySeparatorChar), folder, StringComparison.Ordinal);
        foreach (var bag in bags)
        {
            var box = bag.GetProperty("box");
            var (x, y, w, h) = (box.GetProperty("x").GetDouble(), box.GetProperty("y").GetDouble(),
                box.GetProperty("w").GetDouble(), box.GetProperty("h").GetDouble());
            Assert.True(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1.000001 && y + h <= 1.000001, $"box {x},{y},{w},{h}");
            var productId = bag.GetProperty("productId");
            if (productId.ValueKind != JsonValueKind.Null)
                ProductId.Parse(productId.GetString()!);
            Assert.False(string.IsNullOrEmpty(bag.GetProperty("brand").GetString()));
            Assert.False(string.IsNullOrEmpty(bag.GetProperty("style").GetString()));
        }
    }

    private static bool IsJpeg(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Length > 1000 && bytes[0] == 0xFF && bytes[1] == 0xD8;
    }

    private static Dictionary<string, string> Hashes(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private sealed class ListProgress(List<ForgeProgress> reports) : IProgress<ForgeProgress>
    {
        public void Report(ForgeProgress value)
        {
            lock (reports)
                reports.Add(value);
        }
    }
}
