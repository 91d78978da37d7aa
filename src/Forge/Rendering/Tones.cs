using SkiaSharp;

namespace Pursearch.Forge.Rendering;

/// <summary>Colour arithmetic for shading: mixing, lightening, darkening and a legible contrast tone.</summary>
public static class Tones
{
    private static readonly SKColor Parchment = new(0xe3, 0xd3, 0xab);
    private static readonly SKColor Umber = new(0x38, 0x28, 0x1c);

    public static SKColor Mix(SKColor a, SKColor b, float t) => new(
        Lerp(a.Red, b.Red, t), Lerp(a.Green, b.Green, t), Lerp(a.Blue, b.Blue, t), Lerp(a.Alpha, b.Alpha, t));

    public static SKColor Lighten(SKColor c, float t) => Mix(c, SKColors.White.WithAlpha(c.Alpha), t);

    public static SKColor Darken(SKColor c, float t) => Mix(c, SKColors.Black.WithAlpha(c.Alpha), t);

    /// <summary>Relative luminance 0..1 (sRGB weights, no linearisation: good enough to pick a contrast).</summary>
    public static float Luma(SKColor c) => (0.2126f * c.Red + 0.7152f * c.Green + 0.0722f * c.Blue) / 255f;

    /// <summary>A tone that reads against the colour: a warm parchment on dark leather, an umber on light.</summary>
    public static SKColor Contrast(SKColor c) => Luma(c) < 0.5f ? Mix(c, Parchment, 0.72f) : Mix(c, Umber, 0.68f);

    private static byte Lerp(byte a, byte b, float t) => (byte)Math.Clamp(MathF.Round(a + (b - a) * t), 0, 255);
}
