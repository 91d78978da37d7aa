using SkiaSharp;

namespace Pursearch.Forge.Rendering;

/// <summary>Creates the raster bitmaps every render draws into (RGBA, premultiplied, CPU only).</summary>
public static class Canvases
{
    public static SKBitmap NewBitmap(int width, int height) =>
        new(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
}
