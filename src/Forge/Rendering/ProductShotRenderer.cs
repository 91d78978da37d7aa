using Pursearch.Forge.Randomness;
using Pursearch.Forge.Rendering.Bags;
using Pursearch.Forge.World;
using SkiaSharp;

namespace Pursearch.Forge.Rendering;

/// <summary>
/// Renders a product's studio shot: the bag centred on the retailer's backdrop with its strap raised, lit
/// softly, with a floor shadow. Depends only on (world seed, product), so a fake shop can render on demand.
/// </summary>
public static class ProductShotRenderer
{
    public const int Size = 512;
    public const int JpegQuality = 90;

    public static byte[] RenderJpeg(ForgeWorld world, ForgeProduct product)
    {
        using var bitmap = Render(world, product);
        return JpegEncoder.Encode(bitmap, JpegQuality);
    }

    public static SKBitmap Render(ForgeWorld world, ForgeProduct product)
    {
        var look = LookOf(world, product);
        var rng = ItemSeed.Rng(world.Seed, "product-shot", product.Index);
        var bitmap = Canvases.NewBitmap(Size, Size);
        using var canvas = new SKCanvas(bitmap);
        PaintBackdrop(canvas, product.Retailer.Studio);
        using var outline = BagPainter.Outline(look);
        var bounds = outline.TightBounds;
        var fill = FrameFill(product.Size) * rng.Range(0.96, 1.02);
        var scale = fill * Size / Math.Max(bounds.Width, bounds.Height);
        var centre = new SKPoint(Size / 2f + rng.Signed(6), Size / 2f + rng.Signed(6));
        var placement = BagPlacement.Fit(outline, 0, scale, centre);
        var body = BagPainter.BodySize(look);
        ShadowPainter.Contact(canvas, placement.Transform.MapPoint(0, body.Height),
            placement.Transform.MapPoint(body.Width, body.Height), 18 * scale, 90);
        ShadowPainter.Cast(canvas, outline, placement.Transform, new SKPoint(7, 9), 12, 46);
        placement.Paint(canvas, look);
        Vignette(canvas, 40);
        return bitmap;
    }

    /// <summary>The look of a product: its family shares proportions and print placement; the strap is shown raised.</summary>
    public static BagLook LookOf(ForgeWorld world, ForgeProduct product)
    {
        var family = ItemSeed.Rng(world.Seed, "family:" + product.FamilyId, 0);
        var variation = BagVariation.Draw(family);
        var lift = product.Style.Silhouette is Silhouette.Crossbody or Silhouette.FlapShoulder ? 0.85f : 0.6f;
        return new BagLook(product.Style, product.Colour, product.IsDupe, StrapPose.ProductShot(lift), variation);
    }

    private static float FrameFill(BagSize size) => size switch
    {
        BagSize.Mini => 0.58f,
        BagSize.Small => 0.66f,
        BagSize.Medium => 0.74f,
        _ => 0.8f,
    };

    private static void PaintBackdrop(SKCanvas canvas, SKColor studio)
    {
        using var sweep = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, Size),
                [Tones.Lighten(studio, 0.35f), studio, Tones.Darken(studio, 0.07f)], [0f, 0.62f, 1f],
                SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, Size, Size, sweep);
    }

    private static void Vignette(SKCanvas canvas, byte alpha)
    {
        using var paint = new SKPaint
        {
            Shader = SKShader.CreateRadialGradient(new SKPoint(Size / 2f, Size / 2f), Size * 0.75f,
                [SKColors.Transparent, SKColors.Black.WithAlpha(alpha)], [0.55f, 1f], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, Size, Size, paint);
    }
}
