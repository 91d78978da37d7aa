using SkiaSharp;

namespace Pursearch.Vision.Imaging;

/// <summary>An upright decoded image (EXIF orientation applied), possibly decoded at reduced scale, from which
/// network inputs are rendered.</summary>
public sealed class DecodedImage : IDisposable
{
    private readonly SKBitmap _bitmap;

    internal DecodedImage(SKBitmap upright, ImageFormat format, int width, int height)
    {
        _bitmap = upright;
        Format = format;
        Width = width;
        Height = height;
    }

    public ImageFormat Format { get; }
    /// <summary>Upright width of the encoded image at full resolution.</summary>
    public int Width { get; }
    /// <summary>Upright height of the encoded image at full resolution.</summary>
    public int Height { get; }
    /// <summary>Upright width of the decoded pixels (smaller than <see cref="Width"/> after a scaled decode).</summary>
    public int DecodedWidth => _bitmap.Width;
    public int DecodedHeight => _bitmap.Height;

    /// <summary>The whole image squashed (not centre-cropped) to a side×side square, so nothing near an edge is lost.</summary>
    public RgbaImage Square(int side) => Render(NormalizedBox.Full, side, side);

    /// <summary>A region of the image squashed to a side×side square.</summary>
    public RgbaImage Crop(NormalizedBox box, int side) => Render(box, side, side);

    public RgbaImage Render(NormalizedBox box, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var region = new SKRect((float)(box.X * DecodedWidth), (float)(box.Y * DecodedHeight),
            (float)(box.Right * DecodedWidth), (float)(box.Bottom * DecodedHeight));
        return ImageResampler.Resize(_bitmap, region, width, height);
    }

    public void Dispose() => _bitmap.Dispose();
}
