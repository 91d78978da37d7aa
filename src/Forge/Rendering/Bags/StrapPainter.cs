using SkiaSharp;

namespace Pursearch.Forge.Rendering.Bags;

/// <summary>Strokes straps and handles: edged leather, rolled handles with a highlight, and gold or silver chains.</summary>
public static class StrapPainter
{
    public static void Paint(BagCanvas bag, StrapShape strap, BagLook look)
    {
        var leather = strap.Behind ? Tones.Darken(look.Leather, 0.18f) : look.Leather;
        switch (strap.Kind)
        {
            case StrapKind.Chain:
                Chain(bag, strap, look, leather);
                break;
            case StrapKind.Leather:
                Leather(bag, strap, leather);
                break;
            default:
                Rolled(bag, strap, leather);
                if (strap.Kind == StrapKind.Knot)
                    Knot(bag, strap, leather);
                break;
        }
    }

    private static void Leather(BagCanvas bag, StrapShape strap, SKColor leather)
    {
        using var edge = Stroke(strap.Width, Tones.Darken(leather, 0.45f));
        bag.Draw(strap.Centerline, edge);
        using var face = Stroke(strap.Width - 2.2f, Tones.Darken(leather, 0.06f));
        bag.Draw(strap.Centerline, face);
        if (strap.Width < 7)
            return;
        using var stitch = Stroke(1f, Tones.Lighten(leather, 0.3f).WithAlpha(130));
        stitch.PathEffect = SKPathEffect.CreateDash([3.5f, 2.5f], 0);
        bag.Draw(strap.Centerline, stitch);
    }

    private static void Rolled(BagCanvas bag, StrapShape strap, SKColor leather)
    {
        using var edge = Stroke(strap.Width, Tones.Darken(leather, 0.5f));
        bag.Draw(strap.Centerline, edge);
        using var body = Stroke(strap.Width * 0.72f, Tones.Darken(leather, 0.05f));
        bag.Draw(strap.Centerline, body);
        using var highlight = Stroke(strap.Width * 0.2f, Tones.Lighten(leather, 0.28f).WithAlpha(170));
        using var shifted = Paths.Transformed(strap.Centerline,
            SKMatrix.CreateTranslation(-strap.Width * 0.12f, -strap.Width * 0.14f));
        bag.Draw(shifted, highlight);
    }

    private static void Knot(BagCanvas bag, StrapShape strap, SKColor leather)
    {
        using var measure = new SKPathMeasure(strap.Centerline);
        if (!measure.GetPositionAndTangent(measure.Length / 2, out var mid, out _))
            return;
        var knot = new SKRect(mid.X - strap.Width * 1.25f, mid.Y - strap.Width * 0.95f,
            mid.X + strap.Width * 1.25f, mid.Y + strap.Width * 0.95f);
        using var fill = new SKPaint
        {
            IsAntialias = true,
            Shader = SKShader.CreateRadialGradient(new SKPoint(knot.MidX - knot.Width * 0.2f, knot.MidY - knot.Height * 0.25f),
                knot.Width * 0.7f, [Tones.Lighten(leather, 0.2f), Tones.Darken(leather, 0.35f)], SKShaderTileMode.Clamp),
        };
        bag.DrawOval(knot, fill);
        using var fold = Stroke(1.6f, Tones.Darken(leather, 0.5f));
        using var crease = Paths.Build(b =>
        {
            b.MoveTo(knot.Left + knot.Width * 0.3f, knot.Top + 3);
            b.QuadTo(knot.MidX, knot.MidY + 2, knot.Right - knot.Width * 0.3f, knot.Bottom - 3);
        });
        bag.Draw(crease, fold);
    }

    private static void Chain(BagCanvas bag, StrapShape strap, BagLook look, SKColor leather)
    {
        // Interlaced leather ribbon under the links, as on the classic quilted flap.
        using var ribbon = Stroke(strap.Width * 0.34f, Tones.Darken(leather, 0.1f));
        bag.Draw(strap.Centerline, ribbon);
        var length = strap.Width * 1.2f;
        var thickness = strap.Width * 0.78f;
        using var link = Paths.Ring(new SKRect(-length / 2, -thickness / 2, length / 2, thickness / 2),
            new SKRect(-length * 0.26f, -thickness * 0.2f, length * 0.26f, thickness * 0.2f));
        using var links = SKPathEffect.Create1DPath(link, length * 0.8f, 0, SKPath1DPathEffectStyle.Rotate);
        using var shadow = new SKPaint
        {
            IsAntialias = true, PathEffect = links, Color = Tones.Darken(MetalFinish.Mid(look.Metal), 0.5f),
        };
        bag.Draw(strap.Centerline, shadow);
        using var metal = new SKPaint
        {
            IsAntialias = true,
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(18, 14), MetalFinish.Bands(look.Metal),
                [0f, 0.45f, 0.62f, 1f], SKShaderTileMode.Mirror),
            PathEffect = SKPathEffect.Create1DPath(link, length * 0.8f, length * 0.07f, SKPath1DPathEffectStyle.Rotate),
        };
        bag.Draw(strap.Centerline, metal);
    }

    private static SKPaint Stroke(float width, SKColor colour) => new()
    {
        IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, Color = colour,
        StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round,
    };
}
