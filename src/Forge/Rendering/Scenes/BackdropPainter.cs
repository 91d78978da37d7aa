using Pursearch.Forge.Randomness;
using SkiaSharp;

namespace Pursearch.Forge.Rendering.Scenes;

/// <summary>Paints the place behind everything: facades and pavements, café walls and floors, parks, living rooms. Returns where the floor starts.</summary>
public static class BackdropPainter
{
    public static float Paint(SKCanvas canvas, SceneKind scene, Random rng, int width, int height)
    {
        var horizon = height * rng.Range(0.42, 0.72);
        switch (scene)
        {
            case SceneKind.Street:
                Facade(canvas, rng, width, horizon);
                Pavement(canvas, rng, width, height, horizon);
                break;
            case SceneKind.Cafe:
                Wall(canvas, rng, width, horizon, warm: true);
                Frames(canvas, rng, width, horizon);
                Floor(canvas, rng, width, height, horizon, tiles: rng.Chance(0.5));
                break;
            case SceneKind.Park:
                Sky(canvas, rng, width, horizon);
                Trees(canvas, rng, width, horizon);
                Grass(canvas, rng, width, height, horizon);
                break;
            default:
                Wall(canvas, rng, width, horizon, warm: false);
                Shelves(canvas, rng, width, horizon);
                Floor(canvas, rng, width, height, horizon, tiles: false);
                break;
        }
        return horizon;
    }

    private static void Facade(SKCanvas canvas, Random rng, int width, float horizon)
    {
        SKColor[] walls = [new(0x9a, 0x4a, 0x36), new(0xd9, 0xcf, 0xbb), new(0x8f, 0x92, 0x94), new(0xc4, 0xa4, 0x7c), new(0x5b, 0x63, 0x6b)];
        var wall = rng.Pick(walls);
        using (var fill = new SKPaint { Color = wall })
            canvas.DrawRect(0, 0, width, horizon, fill);
        if (rng.Chance(0.5))
            Bricks(canvas, rng, wall, width, horizon);
        Noise(canvas, rng, new SKRect(0, 0, width, horizon), Textures.Cloud, 2.5f, 70);
        var windowW = rng.Range(70, 140);
        var windowH = rng.Range(90, 170);
        var gap = rng.Range(40, 90);
        var top = rng.Range(-60, 30);
        using var glass = new SKPaint { IsAntialias = true };
        using var frame = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = rng.Range(4, 9),
            Color = rng.Chance(0.5) ? new SKColor(0xee, 0xee, 0xe8) : new SKColor(0x2a, 0x2a, 0x2c),
        };
        for (var y = top; y < horizon - 40; y += windowH + gap)
            for (var x = rng.Range(-40, 20); x < width; x += windowW + gap)
            {
                var r = SKRect.Create(x, y, windowW, Math.Min(windowH, horizon - 20 - y));
                glass.Shader?.Dispose();
                glass.Shader = SKShader.CreateLinearGradient(new SKPoint(r.Left, r.Top), new SKPoint(r.Right, r.Bottom),
                    [new SKColor(0x5a, 0x6e, 0x80), new SKColor(0x1c, 0x24, 0x2e), new SKColor(0x8a, 0x9a, 0xa8)],
                    [0f, 0.6f, 1f], SKShaderTileMode.Clamp);
                canvas.DrawRect(r, glass);
                canvas.DrawRect(r, frame);
                canvas.DrawLine(r.MidX, r.Top, r.MidX, r.Bottom, frame);
            }
        glass.Shader?.Dispose();
        if (rng.Chance(0.5))
            Awning(canvas, rng, width, horizon);
    }

    private static void Bricks(SKCanvas canvas, Random rng, SKColor wall, int width, float horizon)
    {
        using var mortar = new SKPaint { Color = Tones.Lighten(wall, 0.35f).WithAlpha(150), StrokeWidth = 1.5f };
        var course = rng.Range(9, 15);
        var brick = course * 2.6f;
        var row = 0;
        for (var y = 0f; y < horizon; y += course, row++)
        {
            canvas.DrawLine(0, y, width, y, mortar);
            for (var x = row % 2 == 0 ? 0 : brick / 2; x < width; x += brick)
                canvas.DrawLine(x, y, x, y + course, mortar);
        }
    }

    private static void Awning(SKCanvas canvas, Random rng, int width, float horizon)
    {
        var y = horizon * rng.Range(0.25, 0.55);
        var left = rng.Range(-50, width * 0.5);
        var right = left + rng.Range(200, 420);
        var stripe = rng.Range(14, 26);
        SKColor a = rng.Pick<SKColor>([new(0x1f, 0x5a, 0x3a), new(0x9b, 0x1d, 0x2a), new(0x22, 0x3a, 0x6e), new(0x30, 0x30, 0x30)]);
        using var paint = new SKPaint { IsAntialias = true };
        for (var x = left; x < right; x += stripe)
        {
            paint.Color = ((int)((x - left) / stripe)) % 2 == 0 ? a : new SKColor(0xf0, 0xec, 0xe0);
            using var path = Paths.Build(b =>
            {
                b.MoveTo(x, y);
                b.LineTo(x + stripe, y);
                b.LineTo(x + stripe * 1.15f, y + 46);
                b.LineTo(x + stripe * 0.15f, y + 46);
                b.Close();
            });
            canvas.DrawPath(path, paint);
        }
    }

    private static void Pavement(SKCanvas canvas, Random rng, int width, int height, float horizon)
    {
        var grey = (byte)rng.Next(0x70, 0xb0);
        using (var fill = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, horizon), new SKPoint(0, height),
                [new SKColor(grey, grey, (byte)(grey - 6)), new SKColor((byte)(grey - 30), (byte)(grey - 30), (byte)(grey - 34))],
                SKShaderTileMode.Clamp),
        })
            canvas.DrawRect(0, horizon, width, height - horizon, fill);
        using var kerb = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), StrokeWidth = 5 };
        canvas.DrawLine(0, horizon, width, horizon, kerb);
        using var joint = new SKPaint { IsAntialias = true, Color = SKColors.Black.WithAlpha(60), StrokeWidth = 1.5f };
        var vanish = new SKPoint(width * rng.Range(0.2, 0.8), horizon - height);
        for (var x = -width; x < width * 2; x += 70)
        {
            var t = (horizon - vanish.Y) / (height - vanish.Y);
            canvas.DrawLine(vanish.X + (x - vanish.X) * t, horizon, x, height, joint);
        }
        for (var k = 1; k < 8; k++)
        {
            var y = horizon + (height - horizon) * (k * k) / 49f;
            canvas.DrawLine(0, y, width, y, joint);
        }
        Noise(canvas, rng, new SKRect(0, horizon, width, height), Textures.Grain, 1.2f, 90);
    }

    private static void Wall(SKCanvas canvas, Random rng, int width, float horizon, bool warm)
    {
        SKColor[] paints = warm
            ? [new(0xc9, 0x8e, 0x5a), new(0x6e, 0x8b, 0x74), new(0xe8, 0xdc, 0xc4), new(0x3e, 0x4a, 0x5a), new(0xb8, 0x5c, 0x48)]
            : [new(0xee, 0xea, 0xe2), new(0xc8, 0xd0, 0xd4), new(0xd8, 0xc8, 0xb0), new(0x9c, 0xa8, 0x9a), new(0x54, 0x5c, 0x66)];
        var colour = rng.Pick(paints);
        using (var fill = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, horizon),
                [Tones.Lighten(colour, 0.1f), Tones.Darken(colour, 0.15f)], SKShaderTileMode.Clamp),
        })
            canvas.DrawRect(0, 0, width, horizon, fill);
        Noise(canvas, rng, new SKRect(0, 0, width, horizon), Textures.Cloud, 3f, 45);
        if (rng.Chance(0.5))
        {
            var panelTop = horizon - rng.Range(60, 120);
            using var panel = new SKPaint { Color = Tones.Darken(colour, 0.25f) };
            canvas.DrawRect(0, panelTop, width, horizon - panelTop, panel);
            using var rail = new SKPaint { Color = Tones.Lighten(colour, 0.2f), StrokeWidth = 4 };
            canvas.DrawLine(0, panelTop, width, panelTop, rail);
        }
        if (rng.Chance(0.45))
        {
            // A bright window throws light into the room.
            var w = rng.Range(120, 260);
            var x = rng.Range(-40, width - w + 40);
            var r = SKRect.Create(x, rng.Range(-20, 40), w, horizon * rng.Range(0.5, 0.8));
            using var light = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(r.Left, r.Top), new SKPoint(r.Right, r.Bottom),
                    [new SKColor(0xf4, 0xf6, 0xf8), new SKColor(0xb4, 0xc8, 0xd8)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(r, light);
            using var bars = new SKPaint { Color = new SKColor(0xf0, 0xf0, 0xec), Style = SKPaintStyle.Stroke, StrokeWidth = 8 };
            canvas.DrawRect(r, bars);
            canvas.DrawLine(r.MidX, r.Top, r.MidX, r.Bottom, bars);
            canvas.DrawLine(r.Left, r.MidY, r.Right, r.MidY, bars);
        }
    }

    private static void Frames(SKCanvas canvas, Random rng, int width, float horizon)
    {
        var count = rng.Next(0, 3);
        for (var i = 0; i < count; i++)
        {
            var w = rng.Range(50, 120);
            var h = w * rng.Range(0.7, 1.4);
            var r = SKRect.Create(rng.Range(0, width - w), rng.Range(10, Math.Max(12, horizon - h - 30)), w, h);
            using var art = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(r.Left, r.Top), new SKPoint(r.Right, r.Bottom),
                    [RandomColour(rng), RandomColour(rng), RandomColour(rng)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(r, art);
            using var frame = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 6, Color = new SKColor(0x2b, 0x22, 0x1a) };
            canvas.DrawRect(r, frame);
        }
    }

    private static void Shelves(SKCanvas canvas, Random rng, int width, float horizon)
    {
        if (!rng.Chance(0.6))
            return;
        var left = rng.Range(-20, width * 0.6);
        var shelfW = rng.Range(150, 280);
        using var wood = new SKPaint { Color = new SKColor(0x6b, 0x4a, 0x2e) };
        using var book = new SKPaint { IsAntialias = true };
        for (var y = horizon * 0.2f; y < horizon - 30; y += 70)
        {
            var x = left + 4;
            while (x < left + shelfW - 10)
            {
                var bw = rng.Range(7, 16);
                var bh = rng.Range(36, 58);
                book.Color = RandomColour(rng);
                canvas.DrawRect(x, y + 60 - bh, bw, bh, book);
                x += bw + 1;
            }
            canvas.DrawRect(left, y + 60, shelfW, 7, wood);
        }
    }

    private static void Floor(SKCanvas canvas, Random rng, int width, int height, float horizon, bool tiles)
    {
        var wood = rng.Pick<SKColor>([new(0x8a, 0x5f, 0x3c), new(0xb8, 0x8e, 0x62), new(0x5a, 0x3e, 0x2a), new(0xa8, 0xa0, 0x94)]);
        using (var fill = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, horizon), new SKPoint(0, height),
                [Tones.Darken(wood, 0.15f), Tones.Lighten(wood, 0.08f)], SKShaderTileMode.Clamp),
        })
            canvas.DrawRect(0, horizon, width, height - horizon, fill);
        using var line = new SKPaint { IsAntialias = true, Color = SKColors.Black.WithAlpha(55), StrokeWidth = 1.5f };
        if (tiles)
        {
            var vanish = new SKPoint(width / 2f, horizon - height);
            for (var x = -width; x < width * 2; x += 60)
            {
                var t = (horizon - vanish.Y) / (height - vanish.Y);
                canvas.DrawLine(vanish.X + (x - vanish.X) * t, horizon, x, height, line);
            }
        }
        for (var k = 1; k < 10; k++)
        {
            var y = horizon + (height - horizon) * (k * k) / 100f;
            canvas.DrawLine(0, y, width, y, line);
        }
        Noise(canvas, rng, new SKRect(0, horizon, width, height), Textures.Fibre, 1.5f, 80);
    }

    private static void Sky(SKCanvas canvas, Random rng, int width, float horizon)
    {
        using var sky = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, horizon),
                [new SKColor(0x7a, 0xa6, 0xd4), new SKColor(0xd8, 0xe6, 0xf0)], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, width, horizon, sky);
    }

    private static void Trees(SKCanvas canvas, Random rng, int width, float horizon)
    {
        using var leaf = new SKPaint { IsAntialias = true };
        using var trunk = new SKPaint { Color = new SKColor(0x4a, 0x36, 0x28) };
        for (var i = 0; i < 7; i++)
        {
            var x = rng.Range(-40, width + 40);
            var r = rng.Range(50, 120);
            var y = horizon - r * rng.Range(0.8, 1.6);
            canvas.DrawRect(x - 6, y, 12, horizon - y, trunk);
            for (var k = 0; k < 6; k++)
            {
                var g = (byte)rng.Next(0x50, 0x90);
                leaf.Color = new SKColor((byte)(g / 2), g, (byte)(g / 3));
                canvas.DrawCircle(x + rng.Signed(r * 0.7), y + rng.Signed(r * 0.5), r * rng.Range(0.45, 0.75), leaf);
            }
        }
        Noise(canvas, rng, new SKRect(0, 0, width, horizon), Textures.Grain, 1.5f, 80);
    }

    private static void Grass(SKCanvas canvas, Random rng, int width, int height, float horizon)
    {
        using (var fill = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, horizon), new SKPoint(0, height),
                [new SKColor(0x5e, 0x7e, 0x3a), new SKColor(0x3e, 0x60, 0x28)], SKShaderTileMode.Clamp),
        })
            canvas.DrawRect(0, horizon, width, height - horizon, fill);
        if (rng.Chance(0.6))
        {
            using var path = Paths.Build(b =>
            {
                var x = rng.Range(0, width);
                b.MoveTo(x - 20, horizon);
                b.LineTo(x + 20, horizon);
                b.LineTo(x + rng.Range(150, 400), height);
                b.LineTo(x - rng.Range(150, 400), height);
                b.Close();
            });
            using var gravel = new SKPaint { IsAntialias = true, Color = new SKColor(0xc2, 0xae, 0x8a) };
            canvas.DrawPath(path, gravel);
        }
        Noise(canvas, rng, new SKRect(0, horizon, width, height), Textures.Fibre, 0.8f, 110);
    }

    private static void Noise(SKCanvas canvas, Random rng, SKRect area, SKImage tile, float scale, byte alpha)
    {
        using var paint = Textures.Overlay(tile, scale, scale, new SKPoint(rng.Range(0, 256), rng.Range(0, 256)), alpha);
        canvas.DrawRect(area, paint);
    }

    public static SKColor RandomColour(Random rng) =>
        SKColor.FromHsv(rng.Range(0, 360), rng.Range(15, 75), rng.Range(25, 90));
}
