using System.Globalization;
using System.Text.Json;
using SkiaSharp;

namespace Pursearch.Indexer.Tests.Training;

/// <summary>
/// A tiny, trivially separable labelled set in the Forge layout: "bags" that are a red disc (toy/red-disc) or a blue
/// striped block (toy/blue-block) on a grey textured background, photos with no bag (_none), product shots and a
/// catalog. Every photo has a sidecar with the true box; the same seed draws the same set.
/// </summary>
public static class ToySet
{
    public const int Width = 320;
    public const int Height = 240;
    public static readonly string[] Classes = ["toy/blue-block", "toy/red-disc"];

    public static void Write(string root, int trainPerClass, int heldOutPerClass, int negativesPerSplit, int seed = 1)
    {
        var random = new Random(seed);
        foreach (var (split, perClass) in new[] { ("train", trainPerClass), ("heldout", heldOutPerClass) })
        {
            for (var i = 0; i < perClass; i++)
            {
                foreach (var slug in Classes)
                    WritePhoto(root, split, slug, $"{split}-{slug.Replace('/', '-')}-{i:D3}", random);
            }
            for (var i = 0; i < negativesPerSplit; i++)
                WritePhoto(root, split, null, $"{split}-neg-{i:D3}", random);
        }
        WriteCatalog(root);
        File.WriteAllText(Path.Combine(root, "forge.json"), """{ "forgeVersion": "toy-1", "seed": 5 }""");
    }

    private static void WritePhoto(string root, string split, string? slug, string id, Random random)
    {
        var folder = Path.Combine(root, "labelled", split, slug ?? "_none");
        Directory.CreateDirectory(folder);
        using var bitmap = new SKBitmap(Width, Height);
        using (var canvas = new SKCanvas(bitmap))
        {
            Background(canvas, random);
            if (slug is not null)
            {
                var side = random.Next(70, 130);
                var x = random.Next(4, Width - side - 4);
                var y = random.Next(4, Height - side - 4);
                DrawBag(canvas, slug, new SKRect(x, y, x + side, y + side));
                WriteSidecar(Path.Combine(folder, id + ".json"), slug, x, y, side);
            }
            else
            {
                File.WriteAllText(Path.Combine(folder, id + ".json"), """{ "image": "x.jpg", "bags": [] }""");
            }
        }
        File.WriteAllBytes(Path.Combine(folder, id + ".jpg"), Jpeg(bitmap));
    }

    private static void WriteCatalog(string root)
    {
        var lines = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            foreach (var slug in Classes)
            {
                var sku = $"{slug.Split('/')[1]}-{i}";
                var relative = $"products/toy/{sku}.jpg";
                Directory.CreateDirectory(Path.Combine(root, "products", "toy"));
                using var bitmap = new SKBitmap(224, 224);
                using (var canvas = new SKCanvas(bitmap))
                {
                    canvas.Clear(new SKColor(240, 240, 240));
                    DrawBag(canvas, slug, new SKRect(40 + i * 4, 40, 184 - i * 4, 184));
                }
                File.WriteAllBytes(Path.Combine(root, relative), Jpeg(bitmap));
                lines.Add(JsonSerializer.Serialize(new { productId = $"toy:{sku}", image = relative, trueClass = slug }));
            }
        }
        File.WriteAllLines(Path.Combine(root, "catalog.jsonl"), lines);
    }

    private static void Background(SKCanvas canvas, Random random)
    {
        canvas.Clear(new SKColor(128, 128, 128));
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 30; i++)
        {
            var grey = (byte)random.Next(90, 170);
            paint.Color = new SKColor(grey, grey, grey);
            canvas.DrawRect(random.Next(Width), random.Next(Height), random.Next(10, 60), random.Next(10, 60), paint);
        }
    }

    private static void DrawBag(SKCanvas canvas, string slug, SKRect box)
    {
        using var paint = new SKPaint { IsAntialias = true };
        if (slug == "toy/red-disc")
        {
            paint.Color = new SKColor(210, 30, 30);
            canvas.DrawOval(box, paint);
            return;
        }
        paint.Color = new SKColor(30, 50, 200);
        canvas.DrawRect(box, paint);
        paint.Color = new SKColor(250, 220, 40);
        for (var x = box.Left + 8; x < box.Right; x += 20)
            canvas.DrawRect(x, box.Top, 6, box.Height, paint);
    }

    private static void WriteSidecar(string path, string slug, int x, int y, int side)
    {
        string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        var style = slug.Split('/')[1];
        File.WriteAllText(path, $$"""
            { "image": "x.jpg", "bags": [ { "brand": "Toy", "style": "{{style}}", "class": "{{slug}}",
              "box": { "x": {{F((double)x / Width)}}, "y": {{F((double)y / Height)}}, "w": {{F((double)side / Width)}}, "h": {{F((double)side / Height)}} },
              "primary": true } ] }
            """);
    }

    private static byte[] Jpeg(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 92);
        return data.ToArray();
    }
}
