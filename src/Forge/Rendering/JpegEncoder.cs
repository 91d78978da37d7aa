using SkiaSharp;

namespace Pursearch.Forge.Rendering;

/// <summary>Encodes renders to JPEG with fixed options, so the same pixels always give the same bytes.</summary>
public static class JpegEncoder
{
    public static byte[] Encode(SKBitmap bitmap, int quality)
    {
        if (quality is < 1 or > 100)
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "JPEG quality must be 1..100");
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420,
            SKJpegEncoderAlphaOption.Ignore));
        return data?.ToArray() ?? throw new InvalidOperationException("JPEG encoding failed");
    }
}
