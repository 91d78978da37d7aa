using System.Diagnostics;
using Pursearch.Forge.Output;
using Pursearch.Forge.Rendering;
using Pursearch.Forge.Rendering.Scenes;
using Pursearch.Forge.World;

namespace Pursearch.Forge;

/// <summary>
/// Writes a Forge world to a folder: forge.json, catalog.jsonl, product shots, and the labelled street photos and
/// negatives of both splits with their sidecars. Items render in parallel, each from its own hashed seed, and are
/// streamed to disk one by one, so memory stays flat however many products there are.
/// </summary>
public static class ForgeGenerator
{
    public const string ProductsStage = "product shots";
    public const string HeldOutStage = "held-out street";
    public const string TrainStage = "train street";
    public const string NegativesStage = "negatives";

    public static async Task<ForgeSummary> GenerateAsync(string dir, ForgeOptions options,
        IProgress<ForgeProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        options.Validate();
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(dir);
        var world = ForgeWorld.Create(options.Seed, options.Products);
        await File.WriteAllBytesAsync(Path.Combine(dir, LabelledLayout.Manifest), ForgeJson.Manifest(world, options), ct);
        await WriteCatalogAsync(dir, world, ct);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct };
        await Task.Run(() =>
        {
            Run(ProductsStage, world.Products.Count, parallel, progress, i => WriteProductShot(dir, world, world.Products[i]));
            Run(HeldOutStage, options.Street, parallel, progress, i => WritePhoto(dir, world, Split.HeldOut, i, false));
            Run(TrainStage, options.TrainStreet, parallel, progress, i => WritePhoto(dir, world, Split.Train, i, false));
            var (train, heldOut) = options.NegativeSplit;
            Run(NegativesStage, train + heldOut, parallel, progress, i =>
            {
                if (i < heldOut)
                    WritePhoto(dir, world, Split.HeldOut, i, true);
                else
                    WritePhoto(dir, world, Split.Train, i - heldOut, true);
            });
        }, ct);
        var (trainNegatives, heldOutNegatives) = options.NegativeSplit;
        return new ForgeSummary(world.Products.Count, options.Street, options.TrainStreet, heldOutNegatives,
            trainNegatives, clock.Elapsed);
    }

    private static async Task WriteCatalogAsync(string dir, ForgeWorld world, CancellationToken ct)
    {
        await using var catalog = File.Create(Path.Combine(dir, LabelledLayout.Catalog));
        foreach (var product in world.Products)
        {
            await catalog.WriteAsync(ForgeJson.CatalogLine(product), ct);
            catalog.WriteByte((byte)'\n');
        }
    }

    private static void WriteProductShot(string dir, ForgeWorld world, ForgeProduct product)
    {
        var path = Path.Combine(dir, product.ImagePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, ProductShotRenderer.RenderJpeg(world, product));
    }

    private static void WritePhoto(string dir, ForgeWorld world, Split split, int index, bool negative)
    {
        var plan = StreetPlanner.Plan(world, split, index, negative);
        var folder = Path.Combine(dir, LabelledLayout.FolderOf(plan));
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(dir, LabelledLayout.ImageOf(plan)), StreetRenderer.RenderJpeg(plan));
        File.WriteAllBytes(Path.Combine(dir, LabelledLayout.SidecarOf(plan)), ForgeJson.Sidecar(plan, world.Seed, world.Version));
    }

    private static void Run(string stage, int total, ParallelOptions parallel, IProgress<ForgeProgress>? progress,
        Action<int> item)
    {
        if (total == 0)
            return;
        var done = 0;
        var step = Math.Max(1, total / 200);
        var reported = 0;
        var gate = new object();
        progress?.Report(new ForgeProgress(stage, 0, total));
        Parallel.For(0, total, parallel, i =>
        {
            item(i);
            var now = Interlocked.Increment(ref done);
            if (progress is null || (now % step != 0 && now != total))
                return;
            // Reports go out in increasing order even when threads finish out of turn.
            lock (gate)
            {
                var current = Volatile.Read(ref done);
                if (current <= reported)
                    return;
                reported = current;
                progress.Report(new ForgeProgress(stage, current, total));
            }
        });
    }
}
