using System.IO.Hashing;
using SkiaSharp;

namespace Pursearch.Indexer.Tests.Embedding;

/// <summary>Small product-shot-like JPEGs rendered in the test: a coloured bag-ish shape on white, different per seed.</summary>
internal static class TinyImages
{
    public static byte[] Jpeg(int seed, int width = 64, int height = 48)
    {
        var random = new Random((int)XxHash32.HashToUInt32(BitConverter.GetBytes(seed)));
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { IsAntialias = true, Color = Colour(random) };
            var (w, h) = (width * (0.4f + 0.4f * random.NextSingle()), height * (0.4f + 0.4f * random.NextSingle()));
            canvas.DrawRoundRect(new SKRect((width - w) / 2, height - h - 4, (width + w) / 2, height - 4), 6, 6, paint);
            paint.Color = Colour(random);
            paint.Style = SKPaintStyle.Stroke;
            paint.StrokeWidth = 3;
            canvas.DrawArc(new SKRect(width / 2f - w / 4, 4, width / 2f + w / 4, height - h), 180, 180, false, paint);
        }
        using var data = bitmap.PeekPixels().Encode(SKEncodedImageFormat.Jpeg, 90)
            ?? throw new InvalidOperationException("SkiaSharp could not encode a JPEG");
        return data.ToArray();
    }

    /// <summary>A JPEG cut off after its header: recognisably JPEG, but its pixels cannot be decoded.</summary>
    public static byte[] Truncated(int seed) => Jpeg(seed)[..200];

    private static SKColor Colour(Random random) =>
        new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
}
