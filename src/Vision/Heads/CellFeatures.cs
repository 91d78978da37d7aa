using System.Numerics.Tensors;
using Pursearch.Vision.Embedding;

namespace Pursearch.Vision.Heads;

/// <summary>Per-cell feature vectors of a feature map, exactly as the crop head scores them; training code uses this
/// too, so the head is trained on the features it will see.</summary>
public static class CellFeatures
{
    /// <summary>All cells as rows of a (Height·Width)×Channels matrix, row-major, cell index = y·Width + x.</summary>
    public static float[] Extract(FeatureMap map, CellNormalization normalization)
    {
        var rows = new float[map.Cells * map.Channels];
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
                Cell(map, x, y, normalization, rows.AsSpan((y * map.Width + x) * map.Channels, map.Channels));
        }
        return rows;
    }

    /// <summary>One cell's vector, normalised as asked, into <paramref name="destination"/>.</summary>
    public static void Cell(FeatureMap map, int x, int y, CellNormalization normalization, Span<float> destination)
    {
        map.CopyCell(x, y, destination);
        if (normalization != CellNormalization.L2)
            return;
        var norm = TensorPrimitives.Norm(destination);
        if (norm > 0)
            TensorPrimitives.Divide(destination, norm, destination);
    }
}
