using Pursearch.Forge.World;
using SkiaSharp;

namespace Pursearch.Forge.Rendering.Bags;

/// <summary>
/// Paints a brand signature (print, quilting, weave, exotic grain) over a panel that the caller has clipped.
/// Repeats are 20-40 body units, large enough to survive a street photo; dupes get a cheaper, generic version.
/// </summary>
public static class SignaturePainter
{
    public static void Paint(SKCanvas canvas, SKRect area, BagLook look)
    {
        var phase = new SKPoint(look.Variation.PhaseX, look.Variation.PhaseY);
        var leather = look.Leather;
        switch (look.Style.Signature)
        {
            case Signature.Quilting:
                Quilting(canvas, area, leather, look.Dupe ? 40f : 30f, phase, puffed: !look.Dupe);
                break;
            case Signature.Monogram when look.Dupe:
                DotPrint(canvas, area, leather, phase);
                break;
            case Signature.Monogram:
                Monogram(canvas, area, leather, phase);
                break;
            case Signature.Woven:
                Woven(canvas, area, leather, look.Dupe ? 18f : 26f, phase, shaded: !look.Dupe);
                break;
            case Signature.Croc when look.Dupe:
            case Signature.Pebbled:
                Pebbled(canvas, area, phase, look.Dupe ? 0.55f : 0.8f);
                break;
            case Signature.Croc:
                Croc(canvas, area, leather, look.Variation.TextureSeed);
                break;
            case Signature.Stripes:
                Stripes(canvas, area, leather, look.Dupe);
                break;
            case Signature.Check:
                Check(canvas, area, leather, phase, look.Dupe);
                break;
        }
    }

    private static void Quilting(SKCanvas canvas, SKRect area, SKColor leather, float cell, SKPoint phase, bool puffed)
    {
        canvas.Save();
        canvas.Translate(area.MidX, area.MidY);
        canvas.RotateDegrees(45);
        var reach = (area.Width + area.Height) * 0.75f;
        var offset = new SKPoint(phase.X * cell, phase.Y * cell);
        if (puffed)
        {
            using var puff = new SKPaint { IsAntialias = true };
            for (var x = -reach; x < reach; x += cell)
                for (var y = -reach; y < reach; y += cell)
                {
                    var cx = x + offset.X + cell / 2;
                    var cy = y + offset.Y + cell / 2;
                    puff.Shader?.Dispose();
                    puff.Shader = SKShader.CreateRadialGradient(new SKPoint(cx - cell * 0.15f, cy - cell * 0.15f),
                        cell * 0.75f, [Tones.Lighten(leather, 0.16f), leather, Tones.Darken(leather, 0.3f)],
                        [0f, 0.5f, 1f], SKShaderTileMode.Clamp);
                    canvas.DrawRect(cx - cell / 2, cy - cell / 2, cell, cell, puff);
                }
            puff.Shader?.Dispose();
        }
        using var seam = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.6f,
            Color = Tones.Darken(leather, 0.55f).WithAlpha(210),
        };
        using var thread = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.1f,
            Color = Tones.Lighten(leather, 0.35f).WithAlpha(150), PathEffect = SKPathEffect.CreateDash([3.5f, 2.5f], 0),
        };
        for (var x = -reach; x < reach; x += cell)
        {
            canvas.DrawLine(x + offset.X, -reach, x + offset.X, reach, seam);
            canvas.DrawLine(-reach, x + offset.Y, reach, x + offset.Y, seam);
            canvas.DrawLine(x + offset.X + 1.8f, -reach, x + offset.X + 1.8f, reach, thread);
            canvas.DrawLine(-reach, x + offset.Y + 1.8f, reach, x + offset.Y + 1.8f, thread);
        }
        canvas.Restore();
    }

    private static void Monogram(SKCanvas canvas, SKRect area, SKColor leather, SKPoint phase)
    {
        const float cell = 34f;
        using var ink = new SKPaint { IsAntialias = true, Color = Tones.Contrast(leather).WithAlpha(225) };
        using var flower = Quatrefoil(7.5f);
        using var star = FourPointStar(9f);
        using var rosette = Rosette(7f);
        var row = 0;
        for (var y = area.Top - cell + phase.Y * cell; y < area.Bottom + cell; y += cell * 0.5f, row++)
        {
            var shift = row % 2 == 0 ? 0 : cell / 2;
            var col = 0;
            for (var x = area.Left - cell + shift + phase.X * cell; x < area.Right + cell; x += cell, col++)
            {
                var motif = row % 2 == 1 ? star : col % 2 == 0 ? flower : rosette;
                canvas.Save();
                canvas.Translate(x, y);
                canvas.DrawPath(motif, ink);
                canvas.Restore();
            }
        }
    }

    private static void DotPrint(SKCanvas canvas, SKRect area, SKColor leather, SKPoint phase)
    {
        const float cell = 22f;
        using var ink = new SKPaint { IsAntialias = true, Color = Tones.Contrast(leather).WithAlpha(200) };
        using var ring = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2f, Color = ink.Color,
        };
        var row = 0;
        for (var y = area.Top - cell + phase.Y * cell; y < area.Bottom + cell; y += cell, row++)
            for (var x = area.Left - cell + phase.X * cell + (row % 2) * cell / 2; x < area.Right + cell; x += cell)
            {
                if (row % 2 == 0)
                    canvas.DrawCircle(x, y, 3.2f, ink);
                else
                    canvas.DrawCircle(x, y, 4.5f, ring);
            }
    }

    private static void Woven(SKCanvas canvas, SKRect area, SKColor leather, float cell, SKPoint phase, bool shaded)
    {
        canvas.Save();
        canvas.Translate(area.MidX, area.MidY);
        canvas.RotateDegrees(45);
        var reach = (area.Width + area.Height) * 0.75f;
        using var gap = new SKPaint { Color = Tones.Darken(leather, 0.6f) };
        canvas.DrawRect(-reach, -reach, reach * 2, reach * 2, gap);
        var strip = cell / 2;
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; (i - 1) * cell < reach * 2; i++)
            for (var j = 0; (j - 1) * cell < reach * 2; j++)
            {
                var x0 = -reach + (i - 1) * cell + phase.X * cell;
                var y0 = -reach + (j - 1) * cell + phase.Y * cell;
                var horizontal = (i + j) % 2 == 0;
                for (var k = 0; k < 2; k++)
                {
                    var r = horizontal
                        ? new SKRect(x0 + 0.8f, y0 + k * strip + 0.8f, x0 + cell - 0.8f, y0 + (k + 1) * strip - 0.8f)
                        : new SKRect(x0 + k * strip + 0.8f, y0 + 0.8f, x0 + (k + 1) * strip - 0.8f, y0 + cell - 0.8f);
                    paint.Shader?.Dispose();
                    paint.Shader = shaded ? StripShade(r, horizontal, leather) : null;
                    paint.Color = leather;
                    canvas.DrawRoundRect(r, 2.2f, 2.2f, paint);
                }
            }
        paint.Shader?.Dispose();
        canvas.Restore();
    }

    private static SKShader StripShade(SKRect r, bool horizontal, SKColor leather)
    {
        // Each strip bulges: darker where it dives under its neighbours, lighter on the crown.
        var (from, to) = horizontal ? (new SKPoint(r.Left, r.MidY), new SKPoint(r.Right, r.MidY))
            : (new SKPoint(r.MidX, r.Top), new SKPoint(r.MidX, r.Bottom));
        return SKShader.CreateLinearGradient(from, to,
            [Tones.Darken(leather, 0.35f), Tones.Lighten(leather, 0.14f), Tones.Darken(leather, 0.35f)],
            [0f, 0.5f, 1f], SKShaderTileMode.Clamp);
    }

    private static void Pebbled(SKCanvas canvas, SKRect area, SKPoint phase, float strength)
    {
        var offset = new SKPoint(area.Left + phase.X * 200, area.Top + phase.Y * 200);
        using var pebble = Textures.Overlay(Textures.Pebble, 0.9f, 0.9f, offset, (byte)(255 * strength));
        canvas.DrawRect(area, pebble);
    }

    private static void Croc(SKCanvas canvas, SKRect area, SKColor leather, int seed)
    {
        var rng = new Random(seed);
        using var groove = new SKPaint { Color = Tones.Darken(leather, 0.42f) };
        canvas.DrawRect(area, groove);
        using var scale = new SKPaint { IsAntialias = true };
        var y = area.Top - 6;
        while (y < area.Bottom)
        {
            var rowHeight = 9f + (float)rng.NextDouble() * 8f;
            var x = area.Left - (float)rng.NextDouble() * 14;
            while (x < area.Right)
            {
                // Belly scales run large and squarish down the middle, small and round towards the sides.
                var centre = 1 - Math.Abs((x - area.MidX) / (area.Width / 2));
                var width = 7f + 20f * centre * centre + (float)rng.NextDouble() * 9f;
                var h = rowHeight;
                var r = new SKRect(x + 0.8f, y + 0.8f, x + width - 0.8f, y + h - 0.8f);
                var radius = Math.Min(r.Width, r.Height) * (0.22f + 0.25f * (1 - centre));
                scale.Shader?.Dispose();
                scale.Shader = SKShader.CreateRadialGradient(new SKPoint(r.MidX - r.Width * 0.15f, r.MidY - r.Height * 0.2f),
                    Math.Max(r.Width, r.Height) * 0.7f,
                    [Tones.Lighten(leather, 0.12f), leather, Tones.Darken(leather, 0.18f)], [0f, 0.5f, 1f],
                    SKShaderTileMode.Clamp);
                canvas.DrawRoundRect(r, radius, radius, scale);
                x += width;
            }
            y += rowHeight;
        }
        scale.Shader?.Dispose();
    }

    private static void Stripes(SKCanvas canvas, SKRect area, SKColor leather, bool dupe)
    {
        var light = new SKColor(0xee, 0xe4, 0xcc);
        var dark = Tones.Luma(leather) < 0.35f ? new SKColor(0x9e, 0x2b, 0x2b) : Tones.Darken(leather, 0.6f);
        (float Width, SKColor Colour)[] bands = dupe
            ? [(9, leather), (9, light)]
            : [(26, leather), (8, light), (16, dark), (8, light)];
        var period = bands.Sum(b => b.Width);
        using var paint = new SKPaint { IsAntialias = true };
        // Start the repeat on the centre line so the stripes sit symmetrically on the front.
        var x = area.MidX - period * MathF.Ceiling(area.Width / 2 / period + 1) - bands[0].Width / 2;
        while (x < area.Right)
            foreach (var (width, colour) in bands)
            {
                paint.Color = colour;
                canvas.DrawRect(x, area.Top, width, area.Height, paint);
                x += width;
            }
    }

    private static void Check(SKCanvas canvas, SKRect area, SKColor leather, SKPoint phase, bool dupe)
    {
        var period = dupe ? 24f : 56f;
        var ox = area.Left - period + phase.X * period;
        var oy = area.Top - period + phase.Y * period;
        using var band = new SKPaint { Color = Tones.Darken(leather, 0.5f).WithAlpha(dupe ? (byte)120 : (byte)95) };
        using var line = new SKPaint { Color = new SKColor(0xf2, 0xea, 0xd6).WithAlpha(215) };
        using var accent = new SKPaint { Color = new SKColor(0x7a, 0x1c, 0x22).WithAlpha(200) };
        var bandWidth = dupe ? period / 2 : 20f;
        for (var x = ox; x < area.Right + period; x += period)
            canvas.DrawRect(x, area.Top, bandWidth, area.Height, band);
        for (var y = oy; y < area.Bottom + period; y += period)
            canvas.DrawRect(area.Left, y, area.Width, bandWidth, band);
        if (dupe)
            return;
        for (var x = ox; x < area.Right + period; x += period)
        {
            canvas.DrawRect(x + 34, area.Top, 3, area.Height, line);
            canvas.DrawRect(x + 44, area.Top, 2, area.Height, accent);
        }
        for (var y = oy; y < area.Bottom + period; y += period)
        {
            canvas.DrawRect(area.Left, y + 34, area.Width, 3, line);
            canvas.DrawRect(area.Left, y + 44, area.Width, 2, accent);
        }
    }

    private static SKPath Quatrefoil(float r) => Paths.Build(b =>
    {
        for (var i = 0; i < 4; i++)
        {
            var a = i * MathF.PI / 2;
            b.AddOval(SKRect.Create(MathF.Cos(a) * r * 0.55f - r * 0.45f, MathF.Sin(a) * r * 0.55f - r * 0.45f,
                r * 0.9f, r * 0.9f), SKPathDirection.Clockwise);
        }
        b.AddCircle(0, 0, r * 0.22f, SKPathDirection.CounterClockwise);
    }, SKPathFillType.EvenOdd);

    private static SKPath FourPointStar(float r) => Paths.Build(b =>
    {
        b.MoveTo(0, -r);
        b.QuadTo(r * 0.18f, -r * 0.18f, r, 0);
        b.QuadTo(r * 0.18f, r * 0.18f, 0, r);
        b.QuadTo(-r * 0.18f, r * 0.18f, -r, 0);
        b.QuadTo(-r * 0.18f, -r * 0.18f, 0, -r);
        b.Close();
    });

    private static SKPath Rosette(float r) => Paths.Build(b =>
    {
        b.AddCircle(0, 0, r, SKPathDirection.Clockwise);
        b.AddCircle(0, 0, r * 0.62f, SKPathDirection.CounterClockwise);
        b.AddCircle(0, 0, r * 0.3f, SKPathDirection.Clockwise);
    }, SKPathFillType.EvenOdd);
}
