using SkiaSharp;

namespace Pursearch.Forge.Rendering.Bags;

/// <summary>
/// Paints one leather panel (body or flap): base colour, signature, grain, light from the upper left, an
/// inner edge shadow, a soft highlight, piping and top-stitching.
/// </summary>
public static class PanelPainter
{
    public static void Paint(BagCanvas bag, SKPath panel, BagLook look, float bodyHeight, bool signature = true)
    {
        var leather = look.Leather;
        var area = panel.TightBounds;
        using (var fill = new SKPaint
        {
            IsAntialias = true,
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, area.Top), new SKPoint(0, area.Bottom),
                [Tones.Lighten(leather, 0.05f), Tones.Darken(leather, 0.1f)], SKShaderTileMode.Clamp),
        })
            bag.Draw(panel, fill);
        bag.Clipped(panel, canvas =>
        {
            if (signature)
                SignaturePainter.Paint(canvas, area, look);
            Shade(canvas, panel, area, look, bodyHeight);
        });
        using var piping = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.2f, Color = Tones.Darken(leather, 0.45f),
        };
        bag.Draw(panel, piping);
        bag.Clipped(panel, canvas => Stitch(canvas, panel, area, leather));
    }

    private static void Shade(SKCanvas canvas, SKPath panel, SKRect area, BagLook look, float bodyHeight)
    {
        var phase = new SKPoint(look.Variation.PhaseX * 97, look.Variation.PhaseY * 89);
        using (var grain = Textures.Overlay(Textures.Grain, 0.55f, 0.55f, phase, 90))
            canvas.DrawRect(area, grain);
        using (var light = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(area.Left, area.Top),
                new SKPoint(area.Right, area.Top + bodyHeight),
                [SKColors.White.WithAlpha(34), SKColors.Transparent, SKColors.Black.WithAlpha(72)],
                [0f, 0.45f, 1f], SKShaderTileMode.Clamp),
        })
            canvas.DrawRect(area, light);
        using (var edge = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 14, Color = SKColors.Black.WithAlpha(80),
            MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 6),
        })
            canvas.DrawPath(panel, edge);
        using var sheen = new SKPaint
        {
            IsAntialias = true, Color = SKColors.White.WithAlpha(Tones.Luma(look.Leather) < 0.3f ? (byte)40 : (byte)30),
            MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 14),
        };
        canvas.DrawOval(new SKRect(area.Left + area.Width * 0.1f, area.Top + area.Height * 0.08f,
            area.Left + area.Width * 0.55f, area.Top + area.Height * 0.38f), sheen);
    }

    private static void Stitch(SKCanvas canvas, SKPath panel, SKRect area, SKColor leather)
    {
        // Scaling the outline towards its centre approximates an inset line well enough for rounded panels.
        var inset = 6f;
        var sx = (area.Width - 2 * inset) / area.Width;
        var sy = (area.Height - 2 * inset) / area.Height;
        using var path = Paths.Transformed(panel, SKMatrix.CreateScale(sx, sy, area.MidX, area.MidY));
        using var thread = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f,
            Color = Tones.Lighten(leather, 0.3f).WithAlpha(140), PathEffect = SKPathEffect.CreateDash([4f, 3f], 0),
        };
        canvas.DrawPath(path, thread);
    }
}
