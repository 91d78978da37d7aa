using System.Numerics.Tensors;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;

namespace Pursearch.SearchNode.Tests.World;

/// <summary>
/// Small real heads for the test world, fitted in closed form so the suite does not wait for training: identification
/// by nearest class centroid (logit = s·(c·x − |c|²/2)), crop by the direction between the mean bag cell and the mean
/// background cell of a few labelled street photos.
/// </summary>
internal static class FixtureHeads
{
    private const float Sharpness = 40f;

    public static IdentificationHead Identification(IReadOnlyList<(HeadClass Class, float[] Vector)> examples)
    {
        var classes = examples.GroupBy(e => e.Class.Slug).Select(g => (g.First().Class, Centroid(g.Select(e => e.Vector).ToList()))).ToList();
        var dims = classes[0].Item2.Length;
        var weights = new float[classes.Count * dims];
        var biases = new float[classes.Count];
        for (var c = 0; c < classes.Count; c++)
        {
            var centroid = classes[c].Item2;
            for (var d = 0; d < dims; d++)
                weights[c * dims + d] = Sharpness * centroid[d];
            biases[c] = -Sharpness * TensorPrimitives.Dot(centroid, centroid) / 2;
        }
        return new IdentificationHead([.. classes.Select(c => c.Class)], dims, weights, biases);
    }

    public static CropHead Crop(ImageEmbedder embedder, IReadOnlyList<(DecodedImage Image, NormalizedBox Box)> photos)
    {
        const int side = 448;
        var inside = new List<float[]>();
        var outside = new List<float[]>();
        foreach (var (image, box) in photos)
        {
            var map = embedder.EmbedWithMaps([image.Square(side)])[0].Map;
            for (var y = 0; y < map.Height; y++)
                for (var x = 0; x < map.Width; x++)
                {
                    var cell = new float[map.Channels];
                    CellFeatures.Cell(map, x, y, CellNormalization.L2, cell);
                    var (cx, cy) = ((x + 0.5) / map.Width, (y + 0.5) / map.Height);
                    var within = cx >= box.X && cx <= box.Right && cy >= box.Y && cy <= box.Bottom;
                    (within ? inside : outside).Add(cell);
                }
        }
        var bag = Centroid(inside);
        var background = Centroid(outside);
        var direction = new float[bag.Length];
        TensorPrimitives.Subtract(bag, background, direction);
        var midpoint = new float[bag.Length];
        TensorPrimitives.Add(bag, background, midpoint);
        TensorPrimitives.Multiply(midpoint, 0.5f, midpoint);
        var scale = 12f / TensorPrimitives.Norm(direction);
        TensorPrimitives.Multiply(direction, scale, direction);
        return new CropHead(direction, -TensorPrimitives.Dot(direction, midpoint), CellNormalization.L2,
            new BoxRule(threshold: 0.5, margin: 0.1, minimumCells: 2), side);
    }

    private static float[] Centroid(IReadOnlyList<float[]> vectors)
    {
        var sum = new float[vectors[0].Length];
        foreach (var v in vectors)
            TensorPrimitives.Add(sum, v, sum);
        TensorPrimitives.Divide(sum, vectors.Count, sum);
        return sum;
    }
}
