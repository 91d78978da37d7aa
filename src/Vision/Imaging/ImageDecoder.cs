using SkiaSharp;

namespace Pursearch.Vision.Imaging;

/// <summary>Decodes JPEG, PNG, WebP, GIF (first frame) and BMP with SkiaSharp, checking size limits from the
/// header before any pixel is decoded; thread-safe.</summary>
public sealed class ImageDecoder(DecodeLimits? limits = null)
{
    public DecodeLimits Limits { get; } = limits ?? DecodeLimits.Default;

    /// <summary>Reads format and upright size from the header only, applying the limits.</summary>
    public ImageHeader ReadHeader(ReadOnlySpan<byte> encoded)
    {
        using var data = Open(encoded);
        using var codec = CreateCodec(data, encoded);
        return Header(codec);
    }

    /// <summary>Decodes the image upright. With <paramref name="minSide"/> &gt; 0 the codec may decode at a reduced
    /// scale (JPEG: k/8; WebP: any) as long as both sides stay at least <paramref name="minSide"/> pixels.</summary>
    public DecodedImage Decode(ReadOnlySpan<byte> encoded, int minSide = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minSide);
        using var data = Open(encoded);
        using var codec = CreateCodec(data, encoded);
        var header = Header(codec);
        var size = DecodeSize(codec, minSide);
        var bitmap = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType,
            SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        try
        {
            var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
            if (result != SKCodecResult.Success)
                throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"{header.Format} data is broken ({result})");
            var upright = ExifOrientation.Upright(bitmap, codec.EncodedOrigin);
            return new DecodedImage(upright, header.Format, header.Width, header.Height);
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    private SKData Open(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
            throw new ImageRejectedException(ImageRejectionReason.Empty, "no bytes");
        if (encoded.Length > Limits.MaxBytes)
            throw new ImageRejectedException(ImageRejectionReason.TooLarge,
                $"{encoded.Length} bytes is over the limit of {Limits.MaxBytes}");
        return SKData.CreateCopy(encoded);
    }

    private static SKCodec CreateCodec(SKData data, ReadOnlySpan<byte> encoded) =>
        SKCodec.Create(data) ?? throw (ImageSignature.Recognise(encoded) is { } format
            ? new ImageRejectedException(ImageRejectionReason.Corrupt, $"{format} header cannot be read")
            : new ImageRejectedException(ImageRejectionReason.UnsupportedFormat,
                "not a JPEG, PNG, WebP, GIF or BMP image"));

    private ImageHeader Header(SKCodec codec)
    {
        var format = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => ImageFormat.Jpeg,
            SKEncodedImageFormat.Png => ImageFormat.Png,
            SKEncodedImageFormat.Webp => ImageFormat.Webp,
            SKEncodedImageFormat.Gif => ImageFormat.Gif,
            SKEncodedImageFormat.Bmp => ImageFormat.Bmp,
            var other => throw new ImageRejectedException(ImageRejectionReason.UnsupportedFormat,
                $"{other} images are not accepted"),
        };
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w <= 0 || h <= 0)
            throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"{format} header declares {w}×{h}");
        if ((long)w * h > Limits.MaxPixels)
            throw new ImageRejectedException(ImageRejectionReason.TooManyPixels,
                $"{w}×{h} is over the limit of {Limits.MaxPixels} pixels");
        return ExifOrientation.SwapsAxes(codec.EncodedOrigin)
            ? new ImageHeader(format, h, w)
            : new ImageHeader(format, w, h);
    }

    // The smallest size the codec offers with both sides >= minSide: JPEG scales by k/8 and rounds a requested scale
    // down, so try the request, then each eighth above it; other codecs answer their full size or the exact request.
    private static SKSizeI DecodeSize(SKCodec codec, int minSide)
    {
        var full = new SKSizeI(codec.Info.Width, codec.Info.Height);
        var shorter = Math.Min(full.Width, full.Height);
        if (minSide == 0 || shorter <= minSide)
            return full;
        var wanted = (float)minSide / shorter;
        var candidates = Enumerable.Range((int)Math.Ceiling(wanted * 8), 9 - (int)Math.Ceiling(wanted * 8))
            .Select(eighths => eighths / 8f)
            .Prepend(wanted);
        foreach (var scale in candidates)
        {
            var size = codec.GetScaledDimensions(scale);
            if (Math.Min(size.Width, size.Height) >= minSide && size.Width <= full.Width && size.Height <= full.Height)
                return size;
        }
        return full;
    }
}
