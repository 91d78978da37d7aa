using Pursearch.Forge.World;
using SkiaSharp;

namespace Pursearch.Forge.Rendering.Bags;

/// <summary>Paints metal fittings and leather details on the front: zips, belts with buckles, locks, horsebits, drawstrings, strap rings.</summary>
public static class HardwarePainter
{
    public static void PaintFront(BagCanvas bag, BodyShape shape, BagLook look)
    {
        var hw = look.Style.Hardware;
        if (hw.HasFlag(Hardware.Zip) && shape.ZipTrack is not null)
            Zip(bag, shape, look);
        if (hw.HasFlag(Hardware.Drawstring))
            Drawstring(bag, shape, look);
        if (hw.HasFlag(Hardware.Buckles))
            foreach (var x in shape.BeltXs)
                Belt(bag, x, shape.BeltBottom, look);
        if (hw.HasFlag(Hardware.TurnLock))
            TurnLock(bag, shape.Lock, look);
        if (hw.HasFlag(Hardware.Padlock))
            Padlock(bag, shape, look);
        if (hw.HasFlag(Hardware.Horsebit))
            Horsebit(bag, shape.Lock, look);
    }

    /// <summary>Rings and tabs where straps and handles meet the body.</summary>
    public static void PaintAnchors(BagCanvas bag, BodyShape shape, IEnumerable<StrapShape> straps, BagLook look)
    {
        foreach (var strap in straps.Where(s => !s.Behind))
        {
            var points = strap.Centerline.Points;
            foreach (var p in new[] { points[0], points[^1] })
            {
                if (strap.Kind is StrapKind.Handle or StrapKind.Knot)
                    HandleTab(bag, p, look);
                else
                    Ring(bag, p, strap.Width * 0.62f, look);
            }
        }
    }

    private static void Zip(BagCanvas bag, BodyShape shape, BagLook look)
    {
        bag.Clipped(shape.Body, canvas =>
        {
            using var tape = Stroke(6, Tones.Darken(look.Leather, 0.5f));
            canvas.DrawPath(shape.ZipTrack!, tape);
            using var teeth = Stroke(3.4f, MetalFinish.Mid(look.Metal));
            teeth.PathEffect = SKPathEffect.CreateDash([1.6f, 1.4f], 0);
            teeth.StrokeCap = SKStrokeCap.Butt;
            canvas.DrawPath(shape.ZipTrack!, teeth);
        });
        var start = shape.ZipTrack!.Points[0];
        MetalPiece(bag, Paths.RoundRect(SKRect.Create(start.X - 4, start.Y - 2, 8, 18), 3), look);
    }

    private static void Drawstring(BagCanvas bag, BodyShape shape, BagLook look)
    {
        var y = shape.DrawstringY;
        var cordColour = Tones.Darken(look.Leather, 0.3f);
        using var cord = Stroke(3.4f, cordColour);
        using var run = Paths.Build(b =>
        {
            b.MoveTo(22, y);
            b.QuadTo(BodyShape.Width / 2, y + 7, 178, y);
        });
        bag.Clipped(shape.Body, canvas => canvas.DrawPath(run, cord));
        for (var x = 30f; x <= 170f; x += 28f)
            MetalPiece(bag, Paths.Circle(x, y + 3.5f * (1 - MathF.Pow((x - 100) / 78, 2)), 3.4f), look);
        foreach (var side in new[] { -1f, 1f })
        {
            var top = new SKPoint(BodyShape.Width / 2 + side * 4, y + 6);
            var tip = new SKPoint(BodyShape.Width / 2 + side * 13, y + 56);
            using var end = Paths.Build(b =>
            {
                b.MoveTo(top);
                b.QuadTo(top.X + side * 2, (top.Y + tip.Y) / 2, tip.X, tip.Y);
            });
            bag.Draw(end, cord);
            MetalPiece(bag, Paths.RoundRect(SKRect.Create(tip.X - 3.5f, tip.Y - 2, 7, 13), 3), look);
        }
    }

    private static void Belt(BagCanvas bag, float x, float bottom, BagLook look)
    {
        using var band = Paths.RoundRect(new SKRect(x - 11, -3, x + 11, bottom), 7);
        var belt = Tones.Darken(look.Leather, 0.12f);
        using (var fill = new SKPaint { IsAntialias = true, Color = belt })
            bag.Draw(band, fill);
        using (var edge = Stroke(1.6f, Tones.Darken(look.Leather, 0.5f)))
            bag.Draw(band, edge);
        using (var shadow = new SKPaint
        {
            IsAntialias = true, Color = SKColors.Black.WithAlpha(60), MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 2),
        })
            bag.Clipped(band, canvas => canvas.DrawRect(x - 11, bottom - 34, 22, 4, shadow));
        var frame = Paths.Build(b =>
        {
            b.AddRoundRect(new SKRect(x - 15, bottom - 34, x + 15, bottom - 14), 3, 3, SKPathDirection.Clockwise);
            b.AddRoundRect(new SKRect(x - 11, bottom - 30, x + 11, bottom - 18), 1.5f, 1.5f, SKPathDirection.Clockwise);
        }, SKPathFillType.EvenOdd);
        MetalPiece(bag, frame, look);
        MetalPiece(bag, Paths.Rect(new SKRect(x - 1.3f, bottom - 31, x + 1.3f, bottom - 17)), look);
    }

    private static void TurnLock(BagCanvas bag, SKPoint at, BagLook look)
    {
        var (w, h) = look.Dupe ? (30f, 18f) : (38f, 24f);
        MetalPiece(bag, Paths.RoundRect(new SKRect(at.X - w / 2, at.Y - h / 2, at.X + w / 2, at.Y + h / 2), 5), look);
        using var ring = Paths.Ring(new SKRect(at.X - w * 0.3f, at.Y - h * 0.3f, at.X + w * 0.3f, at.Y + h * 0.3f),
            new SKRect(at.X - w * 0.2f, at.Y - h * 0.17f, at.X + w * 0.2f, at.Y + h * 0.17f));
        using var dark = new SKPaint { IsAntialias = true, Color = Tones.Darken(MetalFinish.Mid(look.Metal), 0.45f) };
        bag.Draw(ring, dark);
        MetalPiece(bag, Paths.RoundRect(new SKRect(at.X - 2.5f, at.Y - h * 0.42f, at.X + 2.5f, at.Y + h * 0.42f), 2), look);
    }

    private static void Padlock(BagCanvas bag, BodyShape shape, BagLook look)
    {
        var at = shape.Lock;
        if (look.Style.Silhouette == Silhouette.Bucket)
        {
            // A leather tab runs from the rim to the lock, as on a bucket closed by a padlock.
            using var tab = Paths.RoundRect(new SKRect(at.X - 9, shape.DrawstringY - 22, at.X + 9, at.Y + 2), 6);
            using var fill = new SKPaint { IsAntialias = true, Color = Tones.Darken(look.Leather, 0.12f) };
            bag.Draw(tab, fill);
            using var edge = Stroke(1.5f, Tones.Darken(look.Leather, 0.5f));
            bag.Draw(tab, edge);
        }
        using var shackle = Paths.Build(b =>
        {
            b.MoveTo(at.X - 8, at.Y + 8);
            b.LineTo(at.X - 8, at.Y);
            b.ArcTo(new SKRect(at.X - 8, at.Y - 8, at.X + 8, at.Y + 8), 180, 180, false);
            b.LineTo(at.X + 8, at.Y + 8);
        });
        using var arc = Stroke(4.2f, MetalFinish.Mid(look.Metal));
        bag.Draw(shackle, arc);
        using var body = Paths.RoundRect(new SKRect(at.X - 14, at.Y + 6, at.X + 14, at.Y + 30), 4);
        MetalPiece(bag, new SKPath(body), look);
        using var keyhole = new SKPaint { IsAntialias = true, Color = SKColors.Black.WithAlpha(170) };
        bag.Clipped(body, canvas =>
        {
            canvas.DrawCircle(at.X, at.Y + 15, 2.6f, keyhole);
            canvas.DrawRect(at.X - 1, at.Y + 15, 2, 7, keyhole);
        });
    }

    private static void Horsebit(BagCanvas bag, SKPoint at, BagLook look)
    {
        MetalPiece(bag, Paths.RoundRect(new SKRect(at.X - 36, at.Y - 4, at.X + 36, at.Y + 4), 4), look);
        foreach (var dx in new[] { -36f, 36f })
        {
            var c = new SKPoint(at.X + dx, at.Y);
            MetalPiece(bag, Paths.Ring(new SKRect(c.X - 13, c.Y - 13, c.X + 13, c.Y + 13),
                new SKRect(c.X - 8.5f, c.Y - 8.5f, c.X + 8.5f, c.Y + 8.5f)), look);
        }
        MetalPiece(bag, Paths.Oval(new SKRect(at.X - 9, at.Y - 7, at.X + 9, at.Y + 7)), look);
    }

    private static void HandleTab(BagCanvas bag, SKPoint at, BagLook look)
    {
        using var tab = Paths.RoundRect(new SKRect(at.X - 7, at.Y - 4, at.X + 7, at.Y + 14), 4);
        using var fill = new SKPaint { IsAntialias = true, Color = Tones.Darken(look.Leather, 0.15f) };
        bag.Draw(tab, fill);
        using var edge = Stroke(1.3f, Tones.Darken(look.Leather, 0.5f));
        bag.Draw(tab, edge);
        MetalPiece(bag, Paths.Circle(at.X, at.Y + 7, 2.6f), look);
    }

    private static void Ring(BagCanvas bag, SKPoint at, float radius, BagLook look)
    {
        var inner = radius * 0.6f;
        MetalPiece(bag, Paths.Ring(new SKRect(at.X - radius, at.Y - radius, at.X + radius, at.Y + radius),
            new SKRect(at.X - inner, at.Y - inner, at.X + inner, at.Y + inner)), look);
    }

    /// <summary>Fills a fitting with polished metal and a dark rim; takes ownership of the path.</summary>
    private static void MetalPiece(BagCanvas bag, SKPath path, BagLook look)
    {
        using (path)
        {
            using var fill = MetalFinish.Fill(look.Metal, path.TightBounds);
            bag.Draw(path, fill);
            using var rim = MetalFinish.Rim(look.Metal, 1.1f);
            bag.Draw(path, rim);
        }
    }

    private static SKPaint Stroke(float width, SKColor colour) => new()
    {
        IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, Color = colour,
        StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round,
    };
}
