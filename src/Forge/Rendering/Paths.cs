using SkiaSharp;

namespace Pursearch.Forge.Rendering;

/// <summary>Builds immutable paths (SkiaSharp 4 builds paths through <see cref="SKPathBuilder"/>).</summary>
public static class Paths
{
    public static SKPath Build(Action<SKPathBuilder> draw, SKPathFillType fill = SKPathFillType.Winding)
    {
        using var builder = new SKPathBuilder { FillType = fill };
        draw(builder);
        return builder.Detach();
    }

    public static SKPath Circle(float x, float y, float r) => Build(b => b.AddCircle(x, y, r, SKPathDirection.Clockwise));

    public static SKPath Oval(SKRect oval) => Build(b => b.AddOval(oval, SKPathDirection.Clockwise));

    public static SKPath Rect(SKRect rect) => Build(b => b.AddRect(rect, SKPathDirection.Clockwise));

    public static SKPath RoundRect(SKRect rect, float radius) =>
        Build(b => b.AddRoundRect(rect, radius, radius, SKPathDirection.Clockwise));

    /// <summary>An annulus-like ring: the outer oval minus the inner one.</summary>
    public static SKPath Ring(SKRect outer, SKRect inner) => Build(b =>
    {
        b.AddOval(outer, SKPathDirection.Clockwise);
        b.AddOval(inner, SKPathDirection.Clockwise);
    }, SKPathFillType.EvenOdd);

    public static SKPath Transformed(SKPath path, SKMatrix matrix) =>
        Build(b => b.AddPath(path, in matrix, SKPathAddMode.Append));
}
