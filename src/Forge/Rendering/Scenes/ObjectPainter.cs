using Pursearch.Forge.Randomness;
using SkiaSharp;

namespace Pursearch.Forge.Rendering.Scenes;

/// <summary>Everyday things that are not handbags; some (paper shopping bags, patterned cushions) are deliberately bag-like or print-like.</summary>
public enum SceneObject
{
    Cup,
    Bottle,
    Books,
    Phone,
    Plant,
    ShoppingBag,
    Hat,
    Shoe,
    Laptop,
    Umbrella,
    Cushion,
    Box,
}

/// <summary>Paints a <see cref="SceneObject"/> standing on its bottom-centre point, with simple shading and a contact shadow.</summary>
public static class ObjectPainter
{
    public static SceneObject Draw(Random rng) => (SceneObject)rng.Next(Enum.GetValues<SceneObject>().Length);

    public static void Paint(SKCanvas canvas, Random rng, SceneObject kind, SKPoint foot, float height)
    {
        var colour = BackdropPainter.RandomColour(rng);
        var h = height;
        using (var shadow = new SKPaint
        {
            IsAntialias = true, Color = SKColors.Black.WithAlpha(70), MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, Math.Max(1, h * 0.04f)),
        })
            canvas.DrawOval(new SKRect(foot.X - h * 0.4f, foot.Y - h * 0.04f, foot.X + h * 0.4f, foot.Y + h * 0.04f), shadow);
        switch (kind)
        {
            case SceneObject.Cup:
                Cup(canvas, foot, h, colour);
                break;
            case SceneObject.Bottle:
                Bottle(canvas, foot, h, colour);
                break;
            case SceneObject.Books:
                Books(canvas, rng, foot, h);
                break;
            case SceneObject.Phone:
                Shaded(canvas, Paths.RoundRect(SKRect.Create(foot.X - h * 0.25f, foot.Y - h, h * 0.5f, h), h * 0.07f), new SKColor(0x1e, 0x1e, 0x22));
                break;
            case SceneObject.Plant:
                Plant(canvas, rng, foot, h, colour);
                break;
            case SceneObject.ShoppingBag:
                ShoppingBag(canvas, rng, foot, h);
                break;
            case SceneObject.Hat:
                Hat(canvas, foot, h, colour);
                break;
            case SceneObject.Shoe:
                Shoe(canvas, foot, h, colour);
                break;
            case SceneObject.Laptop:
                Laptop(canvas, foot, h);
                break;
            case SceneObject.Umbrella:
                Umbrella(canvas, foot, h, colour);
                break;
            case SceneObject.Cushion:
                Cushion(canvas, rng, foot, h, colour);
                break;
            default:
                Shaded(canvas, Paths.RoundRect(SKRect.Create(foot.X - h * 0.6f, foot.Y - h, h * 1.2f, h), h * 0.03f), colour);
                break;
        }
    }

    private static void Cup(SKCanvas canvas, SKPoint foot, float h, SKColor colour)
    {
        using var saucer = new SKPaint { IsAntialias = true, Color = new SKColor(0xf0, 0xee, 0xea) };
        canvas.DrawOval(new SKRect(foot.X - h * 0.6f, foot.Y - h * 0.12f, foot.X + h * 0.6f, foot.Y + h * 0.05f), saucer);
        Shaded(canvas, Paths.Build(b =>
        {
            b.MoveTo(foot.X - h * 0.4f, foot.Y - h);
            b.LineTo(foot.X + h * 0.4f, foot.Y - h);
            b.LineTo(foot.X + h * 0.3f, foot.Y - h * 0.05f);
            b.LineTo(foot.X - h * 0.3f, foot.Y - h * 0.05f);
            b.Close();
        }), colour);
        using var handle = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = h * 0.09f, Color = Tones.Darken(colour, 0.1f) };
        canvas.DrawOval(new SKRect(foot.X + h * 0.3f, foot.Y - h * 0.8f, foot.X + h * 0.58f, foot.Y - h * 0.4f), handle);
        using var coffee = new SKPaint { IsAntialias = true, Color = new SKColor(0x4a, 0x2c, 0x1a) };
        canvas.DrawOval(new SKRect(foot.X - h * 0.38f, foot.Y - h * 1.05f, foot.X + h * 0.38f, foot.Y - h * 0.95f), coffee);
    }

    private static void Bottle(SKCanvas canvas, SKPoint foot, float h, SKColor colour)
    {
        var glass = Tones.Darken(colour, 0.3f);
        Shaded(canvas, Paths.Build(b =>
        {
            b.AddRoundRect(SKRect.Create(foot.X - h * 0.16f, foot.Y - h * 0.72f, h * 0.32f, h * 0.72f), h * 0.05f, h * 0.05f, SKPathDirection.Clockwise);
            b.AddRect(SKRect.Create(foot.X - h * 0.06f, foot.Y - h, h * 0.12f, h * 0.3f), SKPathDirection.Clockwise);
        }), glass);
        using var label = new SKPaint { Color = new SKColor(0xf2, 0xee, 0xe0) };
        canvas.DrawRect(SKRect.Create(foot.X - h * 0.16f, foot.Y - h * 0.5f, h * 0.32f, h * 0.2f), label);
    }

    private static void Books(SKCanvas canvas, Random rng, SKPoint foot, float h)
    {
        var y = foot.Y;
        var count = rng.Next(2, 5);
        for (var i = 0; i < count; i++)
        {
            var t = h / count;
            var w = h * rng.Range(0.9, 1.3);
            var x = foot.X - w / 2 + rng.Signed(h * 0.08);
            Shaded(canvas, Paths.Rect(SKRect.Create(x, y - t, w, t * 0.92f)), BackdropPainter.RandomColour(rng));
            y -= t;
        }
    }

    private static void Plant(SKCanvas canvas, Random rng, SKPoint foot, float h, SKColor pot)
    {
        using var leaf = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 9; i++)
        {
            var g = (byte)rng.Next(0x50, 0xa0);
            leaf.Color = new SKColor((byte)(g / 3), g, (byte)(g / 3));
            var angle = rng.Range(-70, 70);
            canvas.Save();
            canvas.Translate(foot.X, foot.Y - h * 0.4f);
            canvas.RotateDegrees(angle);
            canvas.DrawOval(new SKRect(-h * 0.1f, -h * 0.6f, h * 0.1f, 0), leaf);
            canvas.Restore();
        }
        Shaded(canvas, Paths.Build(b =>
        {
            b.MoveTo(foot.X - h * 0.25f, foot.Y - h * 0.4f);
            b.LineTo(foot.X + h * 0.25f, foot.Y - h * 0.4f);
            b.LineTo(foot.X + h * 0.19f, foot.Y);
            b.LineTo(foot.X - h * 0.19f, foot.Y);
            b.Close();
        }), pot);
    }

    private static void ShoppingBag(SKCanvas canvas, Random rng, SKPoint foot, float h)
    {
        SKColor paper = rng.Pick<SKColor>([new(0xc8, 0xa0, 0x6e), new(0xf4, 0xf2, 0xee), new(0x1e, 0x1e, 0x1e), BackdropPainter.RandomColour(rng)]);
        var w = h * rng.Range(0.65, 0.95);
        var body = SKRect.Create(foot.X - w / 2, foot.Y - h * 0.75f, w, h * 0.75f);
        using var cord = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1.2f, h * 0.025f), Color = Tones.Darken(paper, 0.4f) };
        canvas.DrawArc(SKRect.Create(body.Left + w * 0.25f, body.Top - h * 0.2f, w * 0.5f, h * 0.4f), 180, 180, false, cord);
        Shaded(canvas, Paths.Rect(body), paper);
        using var fold = new SKPaint { IsAntialias = true, Color = SKColors.Black.WithAlpha(40) };
        canvas.DrawRect(SKRect.Create(body.Right - w * 0.12f, body.Top, w * 0.12f, body.Height), fold);
        using var logo = new SKPaint { IsAntialias = true, Color = Tones.Contrast(paper) };
        canvas.DrawCircle(body.MidX, body.MidY, w * 0.12f, logo);
    }

    private static void Hat(SKCanvas canvas, SKPoint foot, float h, SKColor colour)
    {
        Shaded(canvas, Paths.Oval(new SKRect(foot.X - h, foot.Y - h * 0.25f, foot.X + h, foot.Y + h * 0.05f)), Tones.Darken(colour, 0.1f));
        Shaded(canvas, Paths.Build(b =>
        {
            b.MoveTo(foot.X - h * 0.5f, foot.Y - h * 0.12f);
            b.CubicTo(foot.X - h * 0.55f, foot.Y - h * 1.1f, foot.X + h * 0.55f, foot.Y - h * 1.1f, foot.X + h * 0.5f, foot.Y - h * 0.12f);
            b.Close();
        }), colour);
    }

    private static void Shoe(SKCanvas canvas, SKPoint foot, float h, SKColor colour)
    {
        Shaded(canvas, Paths.Build(b =>
        {
            b.MoveTo(foot.X - h, foot.Y);
            b.LineTo(foot.X + h, foot.Y);
            b.QuadTo(foot.X + h * 1.05f, foot.Y - h * 0.4f, foot.X + h * 0.3f, foot.Y - h * 0.5f);
            b.LineTo(foot.X - h * 0.5f, foot.Y - h);
            b.LineTo(foot.X - h, foot.Y - h * 0.9f);
            b.Close();
        }), colour);
        using var sole = new SKPaint { IsAntialias = true, Color = new SKColor(0xf0, 0xf0, 0xf0) };
        canvas.DrawRect(SKRect.Create(foot.X - h, foot.Y - h * 0.12f, h * 2, h * 0.12f), sole);
    }

    private static void Laptop(SKCanvas canvas, SKPoint foot, float h)
    {
        var grey = new SKColor(0xa8, 0xaa, 0xae);
        Shaded(canvas, Paths.Build(b =>
        {
            b.MoveTo(foot.X - h * 0.8f, foot.Y - h * 0.2f);
            b.LineTo(foot.X - h * 0.7f, foot.Y - h);
            b.LineTo(foot.X + h * 0.7f, foot.Y - h);
            b.LineTo(foot.X + h * 0.8f, foot.Y - h * 0.2f);
            b.Close();
        }), grey);
        using var screen = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(foot.X, foot.Y - h), new SKPoint(foot.X, foot.Y),
                [new SKColor(0x30, 0x44, 0x60), new SKColor(0x10, 0x14, 0x1c)], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(new SKRect(foot.X - h * 0.62f, foot.Y - h * 0.92f, foot.X + h * 0.62f, foot.Y - h * 0.28f), screen);
        Shaded(canvas, Paths.Rect(new SKRect(foot.X - h, foot.Y - h * 0.2f, foot.X + h, foot.Y)), Tones.Darken(grey, 0.1f));
    }

    private static void Umbrella(SKCanvas canvas, SKPoint foot, float h, SKColor colour)
    {
        Shaded(canvas, Paths.Build(b =>
        {
            b.MoveTo(foot.X, foot.Y - h);
            b.LineTo(foot.X + h * 0.1f, foot.Y - h * 0.2f);
            b.LineTo(foot.X - h * 0.1f, foot.Y - h * 0.2f);
            b.Close();
        }), colour);
        using var hook = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = h * 0.03f, Color = new SKColor(0x3a, 0x28, 0x1a) };
        canvas.DrawLine(foot.X, foot.Y - h * 0.2f, foot.X, foot.Y - h * 0.05f, hook);
        canvas.DrawArc(SKRect.Create(foot.X, foot.Y - h * 0.1f, h * 0.1f, h * 0.1f), 180, -180, false, hook);
    }

    private static void Cushion(SKCanvas canvas, Random rng, SKPoint foot, float h, SKColor colour)
    {
        using var path = Paths.RoundRect(SKRect.Create(foot.X - h * 0.6f, foot.Y - h, h * 1.2f, h), h * 0.2f);
        Shaded(canvas, new SKPath(path), colour);
        canvas.Save();
        canvas.ClipPath(path, SKClipOperation.Intersect, true);
        using var band = new SKPaint { Color = Tones.Contrast(colour).WithAlpha(150) };
        var period = h * rng.Range(0.15, 0.3);
        var check = rng.Chance(0.5);
        for (var x = foot.X - h; x < foot.X + h; x += period)
            canvas.DrawRect(x, foot.Y - h, period * 0.35f, h, band);
        if (check)
            for (var y = foot.Y - h; y < foot.Y; y += period)
                canvas.DrawRect(foot.X - h, y, h * 2, period * 0.35f, band);
        canvas.Restore();
    }

    /// <summary>Fills a shape with a lit-from-the-top-left gradient and an outline; takes ownership of the path.</summary>
    private static void Shaded(SKCanvas canvas, SKPath path, SKColor colour)
    {
        using (path)
        {
            var b = path.TightBounds;
            using var fill = new SKPaint
            {
                IsAntialias = true,
                Shader = SKShader.CreateLinearGradient(new SKPoint(b.Left, b.Top), new SKPoint(b.Right, b.Bottom),
                    [Tones.Lighten(colour, 0.15f), Tones.Darken(colour, 0.3f)], SKShaderTileMode.Clamp),
            };
            canvas.DrawPath(path, fill);
            using var edge = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1, Color = Tones.Darken(colour, 0.5f).WithAlpha(160) };
            canvas.DrawPath(path, edge);
        }
    }
}
