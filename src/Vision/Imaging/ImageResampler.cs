using SkiaSharp;

namespace Pursearch.Vision.Imaging;

/// <summary>Resizes a region of a bitmap to explicit RGBA: halves with a box filter while more than 2× too big,
/// then one Mitchell cubic pass (cubic alone aliases when shrinking more than 2×).</summary>
internal static class ImageResampler
{
    private static readonly SKSamplingOptions Mitchell = new(SKCubicResampler.Mitchell);
    private static readonly SKSamplingOptions Linear = new(SKFilterMode.Linear, SKMipmapMode.None);

    public static RgbaImage Resize(SKBitmap source, SKRect region, int width, int height)
    {
        SKBitmap? intermediate = null;
        try
        {
            var current = source;
            var rect = region;
            while (rect.Width > 2 * width || rect.Height > 2 * height)
            {
                var halfW = rect.Width > 2 * width ? (int)Math.Ceiling(rect.Width / 2) : (int)Math.Ceiling(rect.Width);
                var halfH = rect.Height > 2 * height ? (int)Math.Ceiling(rect.Height / 2) : (int)Math.Ceiling(rect.Height);
                var next = Draw(current, rect, halfW, halfH, Linear);
                intermediate?.Dispose();
                intermediate = next;
                current = next;
                rect = new SKRect(0, 0, halfW, halfH);
            }
            using var final = Draw(current, rect, width, height, Mitchell);
            return new RgbaImage(width, height, final.GetPixelSpan().ToArray());
        }
        finally
        {
            intermediate?.Dispose();
        }
    }

    // Always draws onto opaque white in Rgba8888: transparent pixels become white, and channel order is fixed
    // whatever the platform's native order (BGRA on Linux).
    private static SKBitmap Draw(SKBitmap source, SKRect region, int width, int height, SKSamplingOptions sampling)
    {
        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul,
            SKColorSpace.CreateSrgb()));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint();
        canvas.DrawBitmap(source, region, new SKRect(0, 0, width, height), sampling, paint);
        return target;
    }
}
