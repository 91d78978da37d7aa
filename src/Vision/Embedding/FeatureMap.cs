using Pursearch.Vision.Imaging;

namespace Pursearch.Vision.Embedding;

/// <summary>The backbone's last feature map for one image: <see cref="Channels"/> planes of
/// <see cref="Height"/>×<see cref="Width"/> cells (channel-major), e.g. 512×14×14 at a 448 input.</summary>
public sealed class FeatureMap
{
    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }
    public float[] Values { get; }

    public FeatureMap(int channels, int height, int width, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (values.Length != channels * height * width)
            throw new ArgumentException($"expected {channels}×{height}×{width} values, got {values.Length}", nameof(values));
        (Channels, Height, Width, Values) = (channels, height, width, values);
    }

    public int Cells => Height * Width;

    /// <summary>The part of the (squashed) image that cell (x, y) stands for: the geometry heat-map boxes use, and the one
    /// to label training cells with.</summary>
    public NormalizedBox CellBox(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)x, (uint)Width, nameof(x));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)y, (uint)Height, nameof(y));
        return NormalizedBox.FromCorners((double)x / Width, (double)y / Height, (double)(x + 1) / Width, (double)(y + 1) / Height);
    }

    /// <summary>Copies the feature vector of cell (x, y) into <paramref name="destination"/> (length <see cref="Channels"/>).</summary>
    public void CopyCell(int x, int y, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)x, (uint)Width, nameof(x));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)y, (uint)Height, nameof(y));
        if (destination.Length != Channels)
            throw new ArgumentException($"expected {Channels} floats", nameof(destination));
        var offset = y * Width + x;
        for (var c = 0; c < Channels; c++)
            destination[c] = Values[c * Cells + offset];
    }
}
