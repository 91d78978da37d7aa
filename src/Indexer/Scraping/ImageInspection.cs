using System.Buffers.Binary;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Scraping;

/// <summary>What the bytes of a downloaded image turned out to be: a usable image of a format, or an error of a kind.</summary>
public sealed record ImageVerdict(ImageHeader? Header, string? ErrorKind, string? Message)
{
    public bool IsUsable => Header is not null;

    /// <summary>The media type the bytes prove (never what the server claimed).</summary>
    public string MediaType => Header?.Format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.Webp => "image/webp",
        ImageFormat.Gif => "image/gif",
        ImageFormat.Bmp => "image/bmp",
        _ => "application/octet-stream",
    };
}

/// <summary>
/// Judges downloaded image bytes before anything is decoded: the format is sniffed from the bytes (the server's
/// Content-Type is not trusted), byte and pixel limits are read from the header, and the file must be whole — a
/// JPEG ends with its EOI marker, a PNG with IEND, a GIF with its trailer, WebP and BMP hold the size they declare.
/// </summary>
public sealed class ImageInspection(ImageDecoder decoder)
{
    private static readonly byte[] PngEnd = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    public ImageVerdict Inspect(ReadOnlySpan<byte> bytes)
    {
        ImageHeader header;
        try
        {
            header = decoder.ReadHeader(bytes);
        }
        catch (ImageRejectedException e)
        {
            return new ImageVerdict(null, KindOf(e.Reason), e.Message);
        }
        return IsWhole(header.Format, bytes)
            ? new ImageVerdict(header, null, null)
            : new ImageVerdict(null, ScrapeErrorKinds.ImageTruncated, $"the {header.Format} data ends after {bytes.Length} bytes, before the image does");
    }

    private static bool IsWhole(ImageFormat format, ReadOnlySpan<byte> bytes) => format switch
    {
        // 0xFF 0xD9 cannot occur inside entropy-coded data (0xFF is always stuffed), so it marks the end; some
        // encoders pad a little after it.
        ImageFormat.Jpeg => bytes[Math.Max(0, bytes.Length - 64)..].IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0,
        ImageFormat.Png => bytes[Math.Max(0, bytes.Length - 32)..].IndexOf(PngEnd) >= 0,
        ImageFormat.Gif => bytes[Math.Max(0, bytes.Length - 8)..].Contains((byte)0x3B),
        ImageFormat.Webp => bytes.Length >= 12 && BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..8]) + 8L <= bytes.Length,
        ImageFormat.Bmp => bytes.Length >= 6 && BinaryPrimitives.ReadUInt32LittleEndian(bytes[2..6]) <= bytes.Length,
        _ => false,
    };

    private static string KindOf(ImageRejectionReason reason) => reason switch
    {
        ImageRejectionReason.Empty => ScrapeErrorKinds.ImageEmpty,
        ImageRejectionReason.TooLarge => ScrapeErrorKinds.ImageTooLarge,
        ImageRejectionReason.TooManyPixels => ScrapeErrorKinds.ImageTooManyPixels,
        ImageRejectionReason.UnsupportedFormat => ScrapeErrorKinds.ImageUnsupported,
        _ => ScrapeErrorKinds.ImageCorrupt,
    };
}
