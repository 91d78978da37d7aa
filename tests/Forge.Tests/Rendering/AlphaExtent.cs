using SkiaSharp;

namespace Pursearch.Forge.Tests.Rendering;

/// <summary>The pixel extent of everything with non-zero alpha in a layer, measured independently of the renderer's geometry.</summary>
public static class AlphaExtent
{
    public static SKRectI? Of(SKBitmap layer)
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var y = 0; y < layer.Height; y++)
            for (var x = 0; x < layer.Width; x++)
            {
                if (layer.GetPixel(x, y).Alpha == 0)
                    continue;
                left = Math.Min(left, x);
                right = Math.Max(right, x);
                top = Math.Min(top, y);
                bottom = Math.Max(bottom, y);
            }
        return right < 0 ? null : new SKRectI(left, top, right + 1, bottom + 1);
    }
}
