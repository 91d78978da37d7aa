using Pursearch.Forge.World;
using SkiaSharp;

namespace Pursearch.Forge.Rendering;

/// <summary>Paints that make a shape read as polished metal: a banded gradient plus a dark rim.</summary>
public static class MetalFinish
{
    public static SKColor[] Bands(Metal metal) => metal switch
    {
        Metal.Gold => [new(0xf6, 0xe0, 0x94), new(0xb3, 0x86, 0x30), new(0xfb, 0xec, 0xb0), new(0x8e, 0x67, 0x22)],
        Metal.Silver => [new(0xf4, 0xf4, 0xf6), new(0x98, 0x9b, 0xa2), new(0xfa, 0xfa, 0xfc), new(0x72, 0x75, 0x7c)],
        _ => [new(0xe0, 0xc4, 0x6c), new(0xc0, 0xa0, 0x48), new(0xe6, 0xcc, 0x7a), new(0xa8, 0x8a, 0x3c)],
    };

    public static SKColor Mid(Metal metal) => Bands(metal)[1];

    public static SKPaint Fill(Metal metal, SKRect bounds) => new()
    {
        IsAntialias = true,
        Shader = SKShader.CreateLinearGradient(
            new SKPoint(bounds.Left, bounds.Top), new SKPoint(bounds.Right, bounds.Bottom),
            Bands(metal), [0f, 0.45f, 0.62f, 1f], SKShaderTileMode.Clamp),
    };

    public static SKPaint Rim(Metal metal, float width) => new()
    {
        IsAntialias = true,
        Style = SKPaintStyle.Stroke,
        StrokeWidth = width,
        Color = Tones.Darken(Bands(metal)[3], 0.35f),
    };
}
