namespace Pursearch.Vision.Imaging;

/// <summary>Opaque 8-bit pixels in R, G, B, A byte order, row-major: the hand-off between decoding and the network.</summary>
public sealed class RgbaImage
{
    public int Width { get; }
    public int Height { get; }
    /// <summary>Width × Height × 4 bytes: R, G, B, A for each pixel.</summary>
    public byte[] Pixels { get; }

    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != (long)width * height * 4)
            throw new ArgumentException($"expected {width}×{height}×4 bytes, got {pixels.Length}", nameof(pixels));
        (Width, Height, Pixels) = (width, height, pixels);
    }

    /// <summary>The (R, G, B) of one pixel.</summary>
    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = (y * Width + x) * 4;
            return (Pixels[i], Pixels[i + 1], Pixels[i + 2]);
        }
    }
}
