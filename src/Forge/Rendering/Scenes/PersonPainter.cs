using Pursearch.Forge.Randomness;
using SkiaSharp;

namespace Pursearch.Forge.Rendering.Scenes;

/// <summary>The colours a painted person was given, so an arm drawn later in front of a bag matches the figure.</summary>
public sealed record PersonFigure(SKColor Sleeve, SKColor Skin);

/// <summary>
/// Paints people-like figures: standing passers-by as distractors, and the wearer of a bag (torso placed so that
/// a shoulder sits where the strap meets it, or an arm reaching the handle).
/// </summary>
public static class PersonPainter
{
    private static readonly SKColor[] Skins =
    [
        new(0xf1, 0xd0, 0xb5), new(0xe0, 0xb0, 0x8a), new(0xc6, 0x8e, 0x62), new(0x9a, 0x66, 0x40), new(0x6a, 0x44, 0x2c),
        new(0x4a, 0x30, 0x22),
    ];

    private static readonly SKColor[] Hair =
    [
        new(0x1c, 0x16, 0x12), new(0x4a, 0x32, 0x20), new(0x8a, 0x64, 0x3a), new(0xc8, 0xa8, 0x6a), new(0x6a, 0x6a, 0x6a),
    ];

    /// <summary>
    /// A whole standing figure whose torso top-centre is at <paramref name="top"/>. The arm on
    /// <paramref name="omitArm"/>'s side (-1 left, +1 right) is left out, for the caller to draw reaching for a bag.
    /// </summary>
    public static PersonFigure Paint(SKCanvas canvas, Random rng, SKPoint top, float torsoWidth, int omitArm = 0)
    {
        var tw = torsoWidth;
        var th = tw * rng.Range(1.2, 1.45);
        var skin = rng.Pick(Skins);
        var clothes = BackdropPainter.RandomColour(rng);
        var trousers = rng.Pick<SKColor>([new(0x22, 0x28, 0x36), new(0x2a, 0x2a, 0x2a), new(0x6a, 0x5a, 0x48), BackdropPainter.RandomColour(rng)]);
        var left = new SKPoint(top.X - tw * 0.42f, top.Y + tw * 0.06f);
        var right = new SKPoint(top.X + tw * 0.42f, top.Y + tw * 0.06f);
        Legs(canvas, top, tw, th, trousers);
        if (rng.Chance(0.5))
            LongHair(canvas, top, tw, rng.Pick(Hair));
        Torso(canvas, rng, top, tw, th, clothes);
        Head(canvas, rng, top, tw, skin);
        if (omitArm != -1)
            Arm(canvas, left, new SKPoint(left.X - tw * 0.08f, left.Y + th * 0.95f), tw, clothes, skin);
        if (omitArm != 1)
            Arm(canvas, right, new SKPoint(right.X + tw * 0.08f, right.Y + th * 0.95f), tw, clothes, skin);
        return new PersonFigure(clothes, skin);
    }

    /// <summary>Paints a figure carrying a bag on the shoulder at <paramref name="shoulder"/>; <paramref name="side"/> +1 puts the body to the right of it.</summary>
    public static PersonFigure Wearing(SKCanvas canvas, Random rng, SKPoint shoulder, float torsoWidth, int side)
    {
        var top = new SKPoint(shoulder.X + side * torsoWidth * 0.42f, shoulder.Y - torsoWidth * 0.06f);
        return Paint(canvas, rng, top, torsoWidth);
    }

    /// <summary>A sleeved arm from a shoulder to a hand, with the hand drawn at the end.</summary>
    public static void Arm(SKCanvas canvas, SKPoint shoulder, SKPoint hand, float torsoWidth, SKColor sleeve, SKColor skin)
    {
        var width = torsoWidth * 0.2f;
        using var arm = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Round,
            Color = Tones.Darken(sleeve, 0.08f),
        };
        var wrist = new SKPoint(shoulder.X + (hand.X - shoulder.X) * 0.86f, shoulder.Y + (hand.Y - shoulder.Y) * 0.86f);
        canvas.DrawLine(shoulder, wrist, arm);
        arm.Color = skin;
        arm.StrokeWidth = width * 0.7f;
        canvas.DrawLine(wrist, hand, arm);
        Hand(canvas, hand, width * 0.55f, skin);
    }

    public static void Hand(SKCanvas canvas, SKPoint at, float radius, SKColor skin)
    {
        using var paint = new SKPaint
        {
            IsAntialias = true,
            Shader = SKShader.CreateRadialGradient(new SKPoint(at.X - radius * 0.3f, at.Y - radius * 0.3f), radius * 1.4f,
                [Tones.Lighten(skin, 0.1f), Tones.Darken(skin, 0.2f)], SKShaderTileMode.Clamp),
        };
        canvas.DrawOval(new SKRect(at.X - radius, at.Y - radius * 1.15f, at.X + radius, at.Y + radius * 1.15f), paint);
    }

    private static void Torso(SKCanvas canvas, Random rng, SKPoint top, float tw, float th, SKColor clothes)
    {
        using var path = Paths.Build(b =>
        {
            b.MoveTo(top.X - tw * 0.38f, top.Y);
            b.LineTo(top.X + tw * 0.38f, top.Y);
            b.QuadTo(top.X + tw * 0.52f, top.Y + tw * 0.02f, top.X + tw * 0.5f, top.Y + tw * 0.18f);
            b.LineTo(top.X + tw * 0.42f, top.Y + th);
            b.LineTo(top.X - tw * 0.42f, top.Y + th);
            b.LineTo(top.X - tw * 0.5f, top.Y + tw * 0.18f);
            b.QuadTo(top.X - tw * 0.52f, top.Y + tw * 0.02f, top.X - tw * 0.38f, top.Y);
            b.Close();
        });
        using var fill = new SKPaint
        {
            IsAntialias = true,
            Shader = SKShader.CreateLinearGradient(new SKPoint(top.X - tw / 2, top.Y), new SKPoint(top.X + tw / 2, top.Y + th),
                [Tones.Lighten(clothes, 0.12f), Tones.Darken(clothes, 0.28f)], SKShaderTileMode.Clamp),
        };
        canvas.DrawPath(path, fill);
        if (rng.Chance(0.3))
        {
            canvas.Save();
            canvas.ClipPath(path, SKClipOperation.Intersect, true);
            using var stripe = new SKPaint { Color = Tones.Contrast(clothes).WithAlpha(170) };
            var gap = tw * rng.Range(0.08, 0.16);
            for (var y = top.Y; y < top.Y + th; y += gap * 2)
                canvas.DrawRect(top.X - tw, y, tw * 2, gap, stripe);
            canvas.Restore();
        }
        using var fold = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, tw * 0.02f), Color = SKColors.Black.WithAlpha(60) };
        canvas.DrawLine(top.X, top.Y + tw * 0.15f, top.X + tw * 0.02f, top.Y + th, fold);
    }

    private static void Head(SKCanvas canvas, Random rng, SKPoint top, float tw, SKColor skin)
    {
        using var neck = new SKPaint { IsAntialias = true, Color = Tones.Darken(skin, 0.12f) };
        canvas.DrawRect(top.X - tw * 0.09f, top.Y - tw * 0.16f, tw * 0.18f, tw * 0.2f, neck);
        var centre = new SKPoint(top.X, top.Y - tw * 0.36f);
        var rx = tw * 0.19f;
        var ry = tw * 0.24f;
        using var face = new SKPaint
        {
            IsAntialias = true,
            Shader = SKShader.CreateRadialGradient(new SKPoint(centre.X - rx * 0.3f, centre.Y - ry * 0.2f), ry * 1.3f,
                [Tones.Lighten(skin, 0.08f), Tones.Darken(skin, 0.18f)], SKShaderTileMode.Clamp),
        };
        canvas.DrawOval(new SKRect(centre.X - rx, centre.Y - ry, centre.X + rx, centre.Y + ry), face);
        using var hair = new SKPaint { IsAntialias = true, Color = rng.Pick(Hair) };
        canvas.DrawOval(new SKRect(centre.X - rx * 1.08f, centre.Y - ry * 1.1f, centre.X + rx * 1.08f, centre.Y - ry * 0.1f), hair);
    }

    private static void LongHair(SKCanvas canvas, SKPoint top, float tw, SKColor colour)
    {
        using var hair = new SKPaint { IsAntialias = true, Color = colour };
        canvas.DrawRoundRect(SKRect.Create(top.X - tw * 0.24f, top.Y - tw * 0.5f, tw * 0.48f, tw * 0.85f), tw * 0.15f, tw * 0.15f, hair);
    }

    private static void Legs(SKCanvas canvas, SKPoint top, float tw, float th, SKColor trousers)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = trousers };
        var hip = top.Y + th * 0.95f;
        var length = th * 1.45f;
        canvas.DrawRoundRect(SKRect.Create(top.X - tw * 0.4f, hip, tw * 0.38f, length), tw * 0.08f, tw * 0.08f, paint);
        canvas.DrawRoundRect(SKRect.Create(top.X + tw * 0.02f, hip, tw * 0.38f, length), tw * 0.08f, tw * 0.08f, paint);
        using var shoe = new SKPaint { IsAntialias = true, Color = new SKColor(0x1a, 0x1a, 0x1a) };
        canvas.DrawOval(SKRect.Create(top.X - tw * 0.46f, hip + length - tw * 0.06f, tw * 0.44f, tw * 0.16f), shoe);
        canvas.DrawOval(SKRect.Create(top.X + tw * 0.02f, hip + length - tw * 0.06f, tw * 0.44f, tw * 0.16f), shoe);
    }
}
