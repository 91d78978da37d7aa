using System.IO.Hashing;
using SkiaSharp;

namespace Pursearch.Bench.Vision;

/// <summary>Photo-sized JPEGs rendered in memory (gradient, shapes, text-free), so the benchmark needs no data set.</summary>
internal static class BenchJpegs
{
    public const int Width = 1000;
    public const int Height = 750;

    public static IReadOnlyList<byte[]> Render(int count, int seed) =>
        [.. Enumerable.Range(0, count).Select(i => Render(HashedSeed(seed, i)))];

    private static byte[] Render(int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var background = new SKPaint();
            background.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(Width, Height),
                [RandomColour(random), RandomColour(random)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, Width, Height, background);
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 30; i++)
            {
                paint.Color = RandomColour(random);
                var (x, y, r) = (random.Next(Width), random.Next(Height), random.Next(10, 120));
                if (i % 2 == 0)
                    canvas.DrawCircle(x, y, r, paint);
                else
                    canvas.DrawRoundRect(new SKRect(x, y, x + 2 * r, y + r), 10, 10, paint);
            }
        }
        using var data = bitmap.PeekPixels().Encode(SKEncodedImageFormat.Jpeg, 88)
            ?? throw new InvalidOperationException("SkiaSharp could not encode a JPEG");
        return data.ToArray();
    }

    private static SKColor RandomColour(Random random) =>
        new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));

    // Consecutive seeds give correlated first draws from Random: hash them apart.
    private static int HashedSeed(int seed, int index) =>
        (int)XxHash32.HashToUInt32(BitConverter.GetBytes(((long)seed << 32) | (uint)index));
}
