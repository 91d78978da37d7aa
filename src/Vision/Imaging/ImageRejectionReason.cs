namespace Pursearch.Vision.Imaging;

/// <summary>Why an image was refused before or during decoding.</summary>
public enum ImageRejectionReason
{
    /// <summary>No bytes at all.</summary>
    Empty,
    /// <summary>More bytes than <see cref="DecodeLimits.MaxBytes"/>.</summary>
    TooLarge,
    /// <summary>The header declares more pixels than <see cref="DecodeLimits.MaxPixels"/>.</summary>
    TooManyPixels,
    /// <summary>Not JPEG, PNG, WebP, GIF or BMP.</summary>
    UnsupportedFormat,
    /// <summary>A supported format whose data is broken or truncated.</summary>
    Corrupt,
}
