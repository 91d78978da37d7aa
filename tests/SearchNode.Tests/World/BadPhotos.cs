using System.Buffers.Binary;
using System.IO.Hashing;
using SkiaSharp;

namespace Pursearch.SearchNode.Tests.World;

/// <summary>The hostile and unusual uploads of the API list, built in memory (CMYK JPEG and animated GIF come
/// from files ImageMagick made, as SkiaSharp cannot write them).</summary>
internal static class BadPhotos
{
    public static byte[] Jpeg(int width = 320, int height = 240) => Encode(Scene(width, height, SKColorType.Rgba8888), SKEncodedImageFormat.Jpeg);

    public static byte[] TruncatedJpeg()
    {
        var jpeg = Jpeg();
        return jpeg[..(jpeg.Length / 2)];
    }

    public static byte[] Text() => "this is not a photo of a handbag\n"u8.ToArray();

    public static byte[] Png16Bit() => Encode(Scene(64, 48, SKColorType.Rgba16161616), SKEncodedImageFormat.Png);

    public static byte[] Webp() => Encode(Scene(96, 64, SKColorType.Rgba8888), SKEncodedImageFormat.Webp);

    public static byte[] CmykJpeg() => TestData("cmyk-red-blue.jpg");

    public static byte[] AnimatedGif() => TestData("animated-red-blue.gif");

    private static readonly Lazy<byte[]> Twenty = new(() =>
    {
        var bytes = new byte[20 * 1024 * 1024];
        new Random(20).NextBytes(bytes);
        Jpeg().AsSpan(0, 2).CopyTo(bytes);
        return bytes;
    });

    /// <summary>20 MB that start like a JPEG (made once).</summary>
    public static byte[] TwentyMegabytes() => Twenty.Value;

    /// <summary>A JPEG with an EXIF Orientation tag saying "rotate 90°".</summary>
    public static byte[] ExifRotatedJpeg()
    {
        var jpeg = Jpeg(40, 20);
        var tiff = new byte[8 + 2 + 12 + 4];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(10), 0x0112);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(12), 3);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(14), 1);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(18), 6);
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var segment = new byte[4 + payload.Length];
        (segment[0], segment[1]) = (0xFF, 0xE1);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + payload.Length));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A valid PNG header claiming 30000×30000 pixels, then a tiny IDAT.</summary>
    public static byte[] PngClaiming30000Square()
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, 30000);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), 30000);
        (ihdr[8], ihdr[9]) = (8, 2);
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(stream, "IHDR", ihdr);
        Chunk(stream, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static SKBitmap Scene(int width, int height, SKColorType type)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, type, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(200, 190, 170));
        using var paint = new SKPaint { Color = new SKColor(120, 40, 30), IsAntialias = true };
        canvas.DrawRoundRect(width * 0.3f, height * 0.3f, width * 0.4f, height * 0.35f, 6, 6, paint);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
        using (var data = bitmap.PeekPixels().Encode(format, 90)!)
            return data.ToArray();
    }

    private static byte[] TestData(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        stream.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typed));
        stream.Write(crc);
    }
}
