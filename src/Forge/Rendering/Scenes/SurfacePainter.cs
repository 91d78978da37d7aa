using Pursearch.Forge.Randomness;
using SkiaSharp;

namespace Pursearch.Forge.Rendering.Scenes;

/// <summary>Paints what a set-down bag rests on: a table top, bench or shelf whose top edge meets the bag's base.</summary>
public static class SurfacePainter
{
    public static void Paint(SKCanvas canvas, Random rng, float top, float left, float right, int height)
    {
        SKColor[] tops = [new(0x8a, 0x5a, 0x34), new(0xc4, 0x9a, 0x6c), new(0xe8, 0xe4, 0xde), new(0x3a, 0x34, 0x30), new(0x9c, 0xa4, 0xa8)];
        var colour = rng.Pick(tops);
        var depth = rng.Range(30, 110);
        var front = Math.Min(height + 2, top + depth);
        var slab = new SKRect(left, top, right, front);
        using (var fill = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, top), new SKPoint(0, front),
                [Tones.Darken(colour, 0.12f), Tones.Lighten(colour, 0.06f)], SKShaderTileMode.Clamp),
        })
            canvas.DrawRect(slab, fill);
        using (var grain = Textures.Overlay(Textures.Fibre, 3f, 0.5f, new SKPoint(rng.Range(0, 256), 0), 90))
            canvas.DrawRect(slab, grain);
        var edge = rng.Range(8, 18);
        using (var lip = new SKPaint { Color = Tones.Darken(colour, 0.35f) })
            canvas.DrawRect(left, front, right - left, edge, lip);
        using var below = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, front + edge), new SKPoint(0, front + edge + 60),
                [SKColors.Black.WithAlpha(120), SKColors.Transparent], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(left, front + edge, right - left, 60, below);
    }
}
