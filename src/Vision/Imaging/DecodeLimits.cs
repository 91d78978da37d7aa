namespace Pursearch.Vision.Imaging;

/// <summary>Upper bounds checked before any pixel is decoded, so a hostile file cannot exhaust memory.</summary>
public sealed record DecodeLimits
{
    public static DecodeLimits Default { get; } = new();

    public long MaxBytes { get; init; } = 10L * 1024 * 1024;
    public long MaxPixels { get; init; } = 40_000_000;
}
