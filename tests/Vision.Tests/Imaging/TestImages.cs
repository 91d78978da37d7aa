using System.Buffers.Binary;
using System.IO.Hashing;
using SkiaSharp;

namespace Pursearch.Vision.Tests.Imaging;

/// <summary>Builds encoded test images in memory: SkiaSharp for what it can encode, hand-made bytes for the rest.</summary>
internal static class TestImages
{
    public static readonly SKColor Red = new(230, 20, 20);
    public static readonly SKColor Blue = new(20, 20, 230);

    /// <summary>Left half one colour, right half another.</summary>
    public static SKBitmap Halves(int width, int height, SKColor left, SKColor right,
        SKColorType colorType = SKColorType.Rgba8888)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, colorType, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint { Color = left };
        canvas.Clear(right);
        canvas.DrawRect(0, 0, width / 2f, height, paint);
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 95)
    {
        using var data = bitmap.PeekPixels().Encode(format, quality)
            ?? throw new InvalidOperationException($"SkiaSharp cannot encode {bitmap.ColorType} as {format}");
        return data.ToArray();
    }

    public static byte[] Jpeg(int width, int height, SKColor left, SKColor right) =>
        EncodeAndDispose(Halves(width, height, left, right), SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width, int height, SKColor left, SKColor right) =>
        EncodeAndDispose(Halves(width, height, left, right), SKEncodedImageFormat.Png);

    /// <summary>Random-ish shapes, so the network sees something with structure.</summary>
    public static byte[] Scene(int seed, int width = 320, int height = 240)
    {
        var random = new Random(seed * 7919 + 17);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 12; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(10, 60), paint);
            }
        }
        return Encode(bitmap, SKEncodedImageFormat.Jpeg, 90);
    }

    /// <summary>Inserts an EXIF APP1 segment with just an Orientation tag right after the JPEG's SOI marker.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        var tiff = new byte[8 + 2 + 12 + 4];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(10), 0x0112);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(12), 3);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(14), 1);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(18), orientation);
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + payload.Length));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A PNG signature and a valid IHDR claiming the given size, followed by a tiny IDAT and IEND.</summary>
    public static byte[] PngHeaderClaiming(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour RGB
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(stream, "IHDR", ihdr);
        WriteChunk(stream, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>An uncompressed 24-bit bottom-up BMP, left half one colour, right half another.</summary>
    public static byte[] Bmp(int width, int height, SKColor left, SKColor right)
    {
        var rowBytes = (width * 3 + 3) & ~3;
        var bytes = new byte[54 + rowBytes * height];
        "BM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var colour = x < width / 2 ? left : right;
                var i = 54 + y * rowBytes + x * 3;
                (bytes[i], bytes[i + 1], bytes[i + 2]) = (colour.Blue, colour.Green, colour.Red);
            }
        }
        return bytes;
    }

    public static byte[] TestData(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    private static byte[] EncodeAndDispose(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
            return Encode(bitmap, format);
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
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
