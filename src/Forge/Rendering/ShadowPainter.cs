using SkiaSharp;

namespace Pursearch.Forge.Rendering;

/// <summary>Soft shadows a bag casts: a blurred copy of its outline thrown away from the light, and a contact shadow under its base.</summary>
public static class ShadowPainter
{
    public static void Cast(SKCanvas canvas, SKPath outline, SKMatrix transform, SKPoint offset, float blur, byte alpha)
    {
        using var placed = Paths.Transformed(outline, transform.PostConcat(SKMatrix.CreateTranslation(offset.X, offset.Y)));
        using var paint = new SKPaint
        {
            IsAntialias = true, Color = SKColors.Black.WithAlpha(alpha),
            MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, Math.Max(0.5f, blur)),
        };
        canvas.DrawPath(placed, paint);
    }

    /// <summary>An elliptical pool of shade where the base touches the ground (base given in pixels).</summary>
    public static void Contact(SKCanvas canvas, SKPoint baseLeft, SKPoint baseRight, float depth, byte alpha)
    {
        var width = SKPoint.Distance(baseLeft, baseRight);
        var centre = new SKPoint((baseLeft.X + baseRight.X) / 2, (baseLeft.Y + baseRight.Y) / 2);
        using var paint = new SKPaint
        {
            IsAntialias = true, Color = SKColors.Black.WithAlpha(alpha),
            MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, Math.Max(1, depth * 0.6f)),
        };
        canvas.DrawOval(new SKRect(centre.X - width * 0.58f, centre.Y - depth * 0.5f, centre.X + width * 0.58f,
            centre.Y + depth * 0.5f), paint);
    }
}
