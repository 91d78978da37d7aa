using SkiaSharp;
using Pursearch.Vision.Imaging;

namespace Pursearch.Vision.Tests.Pipeline;

/// <summary>Simple photos of a "bag" (a brown rounded body with a handle) on a busy background, with its true box.</summary>
internal static class BagScenes
{
    public static (byte[] Jpeg, NormalizedBox Box) Render(int seed, NormalizedBox bag, int width = 640, int height = 480)
    {
        var random = new Random(seed * 104729 + 3);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(200, 205, 210));
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 40; i++)
            {
                paint.Color = new SKColor((byte)random.Next(120, 256), (byte)random.Next(120, 256), (byte)random.Next(120, 256));
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(8, 40), paint);
            }
            var left = (float)(bag.X * width);
            var top = (float)(bag.Y * height);
            var right = (float)(bag.Right * width);
            var bottom = (float)(bag.Bottom * height);
            var handleHeight = (bottom - top) * 0.35f;
            paint.Style = SKPaintStyle.Stroke;
            paint.StrokeWidth = Math.Max(4, (right - left) * 0.06f);
            paint.Color = new SKColor(70, 35, 15);
            canvas.DrawArc(new SKRect(left + (right - left) * 0.25f, top + paint.StrokeWidth / 2, right - (right - left) * 0.25f,
                top + 2 * handleHeight), 180, 180, false, paint);
            paint.Style = SKPaintStyle.Fill;
            paint.Color = new SKColor(110, 55, 25);
            canvas.DrawRoundRect(new SKRect(left, top + handleHeight, right, bottom), 12, 12, paint);
            paint.Color = new SKColor(210, 180, 60);
            canvas.DrawRect(new SKRect((left + right) / 2 - 10, top + handleHeight + 15, (left + right) / 2 + 10, top + handleHeight + 30), paint);
        }
        using var data = bitmap.PeekPixels().Encode(SKEncodedImageFormat.Jpeg, 92)!;
        return (data.ToArray(), bag);
    }
}
