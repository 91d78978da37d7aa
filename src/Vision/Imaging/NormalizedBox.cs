using System.Globalization;

namespace Pursearch.Vision.Imaging;

/// <summary>An axis-aligned box in image fractions (0..1, top-left origin), independent of resolution.</summary>
public readonly record struct NormalizedBox
{
    private const double Tolerance = 1e-6;

    public static NormalizedBox Full { get; } = new(0, 0, 1, 1);

    public double X { get; }
    public double Y { get; }
    public double W { get; }
    public double H { get; }

    public NormalizedBox(double x, double y, double w, double h)
    {
        if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1 + Tolerance && y + h <= 1 + Tolerance))
            throw new ArgumentOutOfRangeException(nameof(x),
                $"box ({Format(x)}, {Format(y)}, {Format(w)}, {Format(h)}) must have positive size and lie within 0..1");
        (X, Y, W, H) = (x, y, Math.Min(w, 1 - x), Math.Min(h, 1 - y));
    }

    public double Right => X + W;
    public double Bottom => Y + H;
    public double Area => W * H;

    /// <summary>The box between two corners, clamped to the image.</summary>
    public static NormalizedBox FromCorners(double left, double top, double right, double bottom)
    {
        var x0 = Math.Clamp(left, 0, 1);
        var y0 = Math.Clamp(top, 0, 1);
        var x1 = Math.Clamp(right, 0, 1);
        var y1 = Math.Clamp(bottom, 0, 1);
        return new NormalizedBox(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>Grows the box by <paramref name="fraction"/> of its own width and height on every side, clamped to the image.</summary>
    public NormalizedBox Expand(double fraction) =>
        FromCorners(X - fraction * W, Y - fraction * H, Right + fraction * W, Bottom + fraction * H);

    public double IntersectionOverUnion(NormalizedBox other)
    {
        var iw = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var ih = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        if (iw <= 0 || ih <= 0)
            return 0;
        var intersection = iw * ih;
        return intersection / (Area + other.Area - intersection);
    }

    public override string ToString() => $"({Format(X)}, {Format(Y)}, {Format(W)}, {Format(H)})";

    private static string Format(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
