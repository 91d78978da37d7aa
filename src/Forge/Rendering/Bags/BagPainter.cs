using SkiaSharp;

namespace Pursearch.Forge.Rendering.Bags;

/// <summary>
/// Paints a whole handbag in bag-local units (body 200 wide, body top-left at the origin), back to front:
/// straps behind, the open rim, body, flap, fittings, straps in front. The outline of everything painted is
/// collected by the <see cref="BagCanvas"/>.
/// </summary>
public static class BagPainter
{
    public static void Paint(BagCanvas bag, BagLook look)
    {
        using var shape = SilhouetteShapes.Build(look.Style.Silhouette, look.Variation);
        var straps = StrapRouter.Route(shape, look);
        try
        {
            foreach (var strap in straps.Where(s => s.Behind))
                StrapPainter.Paint(bag, strap, look);
            if (shape.Opening is not null)
                PaintOpening(bag, shape.Opening, look);
            PanelPainter.Paint(bag, shape.Body, look, shape.Height);
            if (shape.Gathers is not null)
                PaintGathers(bag, shape, look);
            if (shape.Flap is not null)
            {
                PaintFlapShadow(bag, shape);
                PanelPainter.Paint(bag, shape.Flap, look, shape.Height);
            }
            HardwarePainter.PaintFront(bag, shape, look);
            foreach (var strap in straps.Where(s => !s.Behind))
                StrapPainter.Paint(bag, strap, look);
            HardwarePainter.PaintAnchors(bag, shape, straps, look);
        }
        finally
        {
            foreach (var strap in straps)
                strap.Centerline.Dispose();
        }
    }

    /// <summary>The exact area the bag covers, in bag-local units, without painting anything.</summary>
    public static SKPath Outline(BagLook look)
    {
        using var bag = new BagCanvas(null);
        Paint(bag, look);
        return bag.Outline();
    }

    /// <summary>Width and height of the body alone (no straps), in bag-local units.</summary>
    public static SKSize BodySize(BagLook look)
    {
        using var shape = SilhouetteShapes.Build(look.Style.Silhouette, look.Variation);
        return new SKSize(BodyShape.Width, shape.Height);
    }

    private static void PaintOpening(BagCanvas bag, SKPath opening, BagLook look)
    {
        using var inside = new SKPaint { IsAntialias = true, Color = Tones.Darken(look.Leather, 0.62f) };
        bag.Draw(opening, inside);
        using var rim = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2, Color = Tones.Darken(look.Leather, 0.2f),
        };
        bag.Draw(opening, rim);
    }

    private static void PaintGathers(BagCanvas bag, BodyShape shape, BagLook look)
    {
        bag.Clipped(shape.Body, canvas =>
        {
            using var fold = new SKPaint
            {
                IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 5, Color = SKColors.Black.WithAlpha(70),
                MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 3), StrokeCap = SKStrokeCap.Round,
            };
            canvas.DrawPath(shape.Gathers!, fold);
            using var crest = new SKPaint
            {
                IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3, Color = SKColors.White.WithAlpha(40),
                MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 2), StrokeCap = SKStrokeCap.Round,
            };
            using var beside = Paths.Transformed(shape.Gathers!, SKMatrix.CreateTranslation(7, 0));
            canvas.DrawPath(beside, crest);
        });
    }

    private static void PaintFlapShadow(BagCanvas bag, BodyShape shape)
    {
        bag.Clipped(shape.Body, canvas =>
        {
            using var shadow = new SKPaint
            {
                IsAntialias = true, Color = SKColors.Black.WithAlpha(110), MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 4),
            };
            canvas.Save();
            canvas.Translate(0, 5);
            canvas.DrawPath(shape.Flap!, shadow);
            canvas.Restore();
        });
    }
}
