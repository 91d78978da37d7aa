using SkiaSharp;

namespace Pursearch.Forge.Rendering.Bags;

/// <summary>Where a bag goes in an image: the bag-local → pixel transform, and the pixel box it covers.</summary>
public sealed record BagPlacement(SKMatrix Transform, SKRectI Box)
{
    /// <summary>
    /// Scales, rotates and moves a bag so that its outline's axis-aligned box has the wanted size and centre.
    /// The box is the outline's extent rounded outwards to whole pixels.
    /// </summary>
    public static BagPlacement Fit(SKPath outline, float rotationDegrees, float scale, SKPoint boxCentre)
    {
        var rotated = SKMatrix.CreateScale(scale, scale).PostConcat(SKMatrix.CreateRotationDegrees(rotationDegrees));
        using var turned = Paths.Transformed(outline, rotated);
        var bounds = turned.TightBounds;
        var move = SKMatrix.CreateTranslation(boxCentre.X - bounds.MidX, boxCentre.Y - bounds.MidY);
        var transform = rotated.PostConcat(move);
        return new BagPlacement(transform, PixelBox(outline, transform));
    }

    /// <summary>Size of the outline's box after scaling by 1 and rotating.</summary>
    public static SKSize RotatedSize(SKPath outline, float rotationDegrees)
    {
        using var turned = Paths.Transformed(outline, SKMatrix.CreateRotationDegrees(rotationDegrees));
        return turned.TightBounds.Size;
    }

    /// <summary>The outline's extent in whole pixels, widened by half a pixel first: anti-aliasing touches pixels an edge only grazes.</summary>
    public static SKRectI PixelBox(SKPath outline, SKMatrix transform)
    {
        using var placed = Paths.Transformed(outline, transform);
        var b = placed.TightBounds;
        return new SKRectI((int)MathF.Floor(b.Left - 0.5f), (int)MathF.Floor(b.Top - 0.5f), (int)MathF.Ceiling(b.Right + 0.5f),
            (int)MathF.Ceiling(b.Bottom + 0.5f));
    }

    public void Paint(SKCanvas canvas, BagLook look)
    {
        canvas.Save();
        var transform = Transform;
        canvas.Concat(in transform);
        using var bag = new BagCanvas(canvas);
        BagPainter.Paint(bag, look);
        canvas.Restore();
    }
}
