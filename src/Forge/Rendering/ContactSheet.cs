using Pursearch.Forge.Rendering.Scenes;
using Pursearch.Forge.World;
using SkiaSharp;

namespace Pursearch.Forge.Rendering;

/// <summary>
/// A one-page overview of a seed's world for docs/forge.png: a product shot of every class plus a few dupes,
/// street photos with their sidecar boxes drawn, and negatives.
/// </summary>
public static class ContactSheet
{
    public const int Width = 896;
    private const int ProductCell = 112;
    private const int ProductColumns = Width / ProductCell;
    private const int PhotoWidth = 224;
    private const int PhotoHeight = 168;
    private const int PhotoColumns = Width / PhotoWidth;
    private const int StreetRows = 2;
    private const int Header = 26;
    private const int Dupes = 6;

    public static byte[] RenderPng(int seed)
    {
        using var sheet = Render(seed);
        using var pixmap = sheet.PeekPixels();
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9));
        return data?.ToArray() ?? throw new InvalidOperationException("PNG encoding failed");
    }

    public static SKBitmap Render(int seed)
    {
        var world = ForgeWorld.Create(seed, 2000);
        var productRows = (world.Styles.Count + Dupes + ProductColumns - 1) / ProductColumns;
        var height = 3 * Header + productRows * ProductCell + (StreetRows + 1) * PhotoHeight;
        var sheet = Canvases.NewBitmap(Width, height);
        using var canvas = new SKCanvas(sheet);
        canvas.Clear(new SKColor(0x18, 0x18, 0x1a));
        using var font = new SKFont(SKTypeface.Default, 15);
        using var small = new SKFont(SKTypeface.Default, 10);
        var y = 0f;
        Title(canvas, font, $"Forge {world.Version}, seed {seed}: product shots (one per class, then dupes)", y);
        y += Header;
        y = Products(canvas, small, world, y);
        Title(canvas, font, "Street photos with sidecar boxes (green: primary bag, yellow: second bag)", y);
        y += Header;
        y = Photos(canvas, small, world, y, StreetRows * PhotoColumns, negative: false);
        Title(canvas, font, "Negatives: scenes without a handbag", y);
        y += Header;
        Photos(canvas, small, world, y, PhotoColumns, negative: true);
        return sheet;
    }

    private static float Products(SKCanvas canvas, SKFont font, ForgeWorld world, float top)
    {
        var branded = world.Styles.Select((style, i) =>
            world.Products.FirstOrDefault(p => p.Style == style && !p.IsDupe && p.Colour == world.Colourways[i % world.Colourways.Count])
            ?? world.Products.FirstOrDefault(p => p.Style == style && !p.IsDupe));
        var dupes = world.Styles.Where((_, i) => i % 3 == 0).Select(style => world.Products.FirstOrDefault(p => p.Style == style && p.IsDupe));
        var shots = branded.Concat(dupes.Take(Dupes)).OfType<ForgeProduct>().ToList();
        for (var i = 0; i < shots.Count; i++)
        {
            var cell = SKRect.Create(i % ProductColumns * ProductCell, top + i / ProductColumns * ProductCell, ProductCell, ProductCell);
            using var shot = ProductShotRenderer.Render(world, shots[i]);
            Draw(canvas, shot, cell);
            var label = shots[i].IsDupe ? $"dupe: {shots[i].Brand}" : shots[i].Style.Name;
            Caption(canvas, font, label, cell);
        }
        return top + (shots.Count + ProductColumns - 1) / ProductColumns * ProductCell;
    }

    private static float Photos(SKCanvas canvas, SKFont font, ForgeWorld world, float top, int count, bool negative)
    {
        using var pen = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        for (var i = 0; i < count; i++)
        {
            var plan = StreetPlanner.Plan(world, Split.HeldOut, i * 7 + 3, negative);
            var cell = SKRect.Create(i % PhotoColumns * PhotoWidth, top + i / PhotoColumns * PhotoHeight, PhotoWidth, PhotoHeight);
            using (var photo = StreetRenderer.Render(plan))
                Draw(canvas, photo, cell);
            var sx = cell.Width / plan.Width;
            var sy = cell.Height / plan.Height;
            foreach (var bag in plan.Bags)
            {
                pen.Color = bag.Primary ? SKColors.Lime : SKColors.Yellow;
                var b = bag.Placement.Box;
                canvas.DrawRect(cell.Left + b.Left * sx, cell.Top + b.Top * sy, b.Width * sx, b.Height * sy, pen);
            }
            if (plan.Bags.Count > 0)
                Caption(canvas, font, plan.Bags[0].Style.ClassSlug, cell);
        }
        return top + (count + PhotoColumns - 1) / PhotoColumns * PhotoHeight;
    }

    private static void Draw(SKCanvas canvas, SKBitmap image, SKRect cell)
    {
        using var img = SKImage.FromBitmap(image);
        canvas.DrawImage(img, cell, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }

    private static void Title(SKCanvas canvas, SKFont font, string text, float top)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = SKColors.White };
        canvas.DrawText(text, 8, top + 18, SKTextAlign.Left, font, paint);
    }

    private static void Caption(SKCanvas canvas, SKFont font, string text, SKRect cell)
    {
        using var band = new SKPaint { Color = SKColors.Black.WithAlpha(150) };
        canvas.DrawRect(cell.Left, cell.Bottom - 14, cell.Width, 14, band);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColors.White };
        canvas.DrawText(text, cell.Left + 4, cell.Bottom - 4, SKTextAlign.Left, font, paint);
    }
}
