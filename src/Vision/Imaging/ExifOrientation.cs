using SkiaSharp;

namespace Pursearch.Vision.Imaging;

/// <summary>Turns a stored (EXIF-oriented) bitmap upright.</summary>
internal static class ExifOrientation
{
    public static bool SwapsAxes(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
            or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Returns the upright bitmap; disposes <paramref name="stored"/> when it had to be redrawn.</summary>
    public static SKBitmap Upright(SKBitmap stored, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft)
            return stored;
        var (w, h) = (stored.Width, stored.Height);
        var (uw, uh) = SwapsAxes(origin) ? (h, w) : (w, h);
        var upright = new SKBitmap(new SKImageInfo(uw, uh, stored.ColorType, stored.AlphaType, stored.ColorSpace));
        using (var canvas = new SKCanvas(upright))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.SetMatrix(Matrix(origin, w, h));
            canvas.DrawBitmap(stored, 0, 0, SKSamplingOptions.Default, null);
        }
        stored.Dispose();
        return upright;
    }

    // Maps stored pixel coordinates (x, y) of a w×h bitmap to upright ones, per the EXIF 0th-row/0th-column rule.
    private static SKMatrix Matrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
