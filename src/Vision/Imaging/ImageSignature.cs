namespace Pursearch.Vision.Imaging;

/// <summary>Recognises a supported format from its magic bytes, to tell a corrupt image from a non-image.</summary>
internal static class ImageSignature
{
    public static ImageFormat? Recognise(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return ImageFormat.Jpeg;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
            return ImageFormat.Png;
        if (bytes.StartsWith("GIF8"u8))
            return ImageFormat.Gif;
        if (bytes.StartsWith("BM"u8))
            return ImageFormat.Bmp;
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
            return ImageFormat.Webp;
        return null;
    }
}
