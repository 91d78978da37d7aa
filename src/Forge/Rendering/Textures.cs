using SkiaSharp;

namespace Pursearch.Forge.Rendering;

/// <summary>
/// Seamless grey-scale tiles made once per process from fixed seeds (so every image stays deterministic) and
/// shared read-only by all render threads: leather grain, pebbling, and a soft cloud noise for surfaces.
/// </summary>
public static class Textures
{
    public const int TileSize = 256;

    private static readonly Lazy<SKImage> GrainTile = new(() => Noise(64f / TileSize, 3, 11f, fractal: true));
    private static readonly Lazy<SKImage> CloudTile = new(() => Noise(4f / TileSize, 5, 23f, fractal: true));
    private static readonly Lazy<SKImage> FibreTile = new(() => Noise(16f / TileSize, 4, 5f, fractal: false));
    private static readonly Lazy<SKImage> PebbleTile = new(MakePebbles);

    public static SKImage Grain => GrainTile.Value;
    public static SKImage Cloud => CloudTile.Value;
    public static SKImage Fibre => FibreTile.Value;
    public static SKImage Pebble => PebbleTile.Value;

    /// <summary>A paint that tiles the texture at the given scale and offset, blended over what is below.</summary>
    public static SKPaint Overlay(SKImage tile, float scaleX, float scaleY, SKPoint offset, byte alpha,
        SKBlendMode mode = SKBlendMode.Overlay) => new()
    {
        IsAntialias = true,
        BlendMode = mode,
        Color = SKColors.White.WithAlpha(alpha),
        Shader = tile.ToShader(SKShaderTileMode.Repeat, SKShaderTileMode.Repeat,
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None),
            SKMatrix.CreateScaleTranslation(scaleX, scaleY, offset.X, offset.Y)),
    };

    private static SKImage Noise(float frequency, int octaves, float seed, bool fractal)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(TileSize, TileSize, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            var size = new SKSizeI(TileSize, TileSize);
            using var noise = fractal
                ? SKShader.CreatePerlinNoiseFractalNoise(frequency, frequency, octaves, seed, size)
                : SKShader.CreatePerlinNoiseTurbulence(frequency, frequency, octaves, seed, size);
            // Keep the red channel as grey and drop the noise's own alpha, so tiles are opaque and neutral.
            float[] grey =
            [
                1.6f, 0, 0, 0, -0.3f,
                1.6f, 0, 0, 0, -0.3f,
                1.6f, 0, 0, 0, -0.3f,
                0, 0, 0, 0, 1,
            ];
            using var paint = new SKPaint { Shader = noise, ColorFilter = SKColorFilter.CreateColorMatrix(grey) };
            canvas.DrawRect(0, 0, TileSize, TileSize, paint);
        }
        return SKImage.FromBitmap(bitmap);
    }

    private static SKImage MakePebbles()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(TileSize, TileSize, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x80, 0x80, 0x80));
            var rng = new Random(4242);
            using var light = new SKPaint { IsAntialias = true, Color = new SKColor(0xd8, 0xd8, 0xd8) };
            using var dark = new SKPaint { IsAntialias = true, Color = new SKColor(0x38, 0x38, 0x38) };
            using var mid = new SKPaint { IsAntialias = true, Color = new SKColor(0x9a, 0x9a, 0x9a) };
            for (var i = 0; i < 1400; i++)
            {
                var x = (float)rng.NextDouble() * TileSize;
                var y = (float)rng.NextDouble() * TileSize;
                var r = 2.2f + (float)rng.NextDouble() * 3.2f;
                // Draw each pebble in the 3×3 neighbourhood so the tile wraps seamlessly.
                for (var dx = -1; dx <= 1; dx++)
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        var cx = x + dx * TileSize;
                        var cy = y + dy * TileSize;
                        canvas.DrawOval(cx + 0.8f, cy + 0.9f, r, r * 0.85f, dark);
                        canvas.DrawOval(cx, cy, r * 0.92f, r * 0.8f, mid);
                        canvas.DrawOval(cx - r * 0.3f, cy - r * 0.3f, r * 0.4f, r * 0.32f, light);
                    }
            }
        }
        return SKImage.FromBitmap(bitmap);
    }
}
