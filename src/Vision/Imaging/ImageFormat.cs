namespace Pursearch.Vision.Imaging;

/// <summary>The encoded formats the decoder accepts.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    Webp,
    Gif,
    Bmp,
}
