namespace Pursearch.Vision.Heads;

/// <summary>A grid of per-cell "bag here" probabilities over the whole (squashed) image, row-major.</summary>
public sealed class HeatMap
{
    public int Width { get; }
    public int Height { get; }
    public float[] Values { get; }

    public HeatMap(int width, int height, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (values.Length != width * height)
            throw new ArgumentException($"expected {width}×{height} values, got {values.Length}", nameof(values));
        (Width, Height, Values) = (width, height, values);
    }

    public float this[int x, int y] => Values[y * Width + x];
}
