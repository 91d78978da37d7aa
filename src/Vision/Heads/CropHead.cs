using System.Numerics.Tensors;
using Pursearch.Vision.Embedding;

namespace Pursearch.Vision.Heads;

/// <summary>The crop head: a linear "bag-ness" scorer, p = sigmoid(w·f + b), over each cell's feature vector f of the
/// backbone map computed at <see cref="InputSide"/>; the heat map then becomes a box by <see cref="Rule"/>.</summary>
public sealed class CropHead
{
    public CropHead(float[] weights, float bias, CellNormalization normalization, BoxRule rule, int inputSide = 448)
    {
        if (weights.Length != BackboneGraph.FeatureDimensions)
            throw new ArgumentException($"expected {BackboneGraph.FeatureDimensions} weights, got {weights.Length}", nameof(weights));
        if (weights.Any(w => !float.IsFinite(w)) || !float.IsFinite(bias))
            throw new ArgumentException("weights and bias must be finite", nameof(weights));
        if (inputSide < BackboneGraph.Stride || inputSide % BackboneGraph.Stride != 0)
            throw new ArgumentOutOfRangeException(nameof(inputSide), inputSide, $"must be a positive multiple of {BackboneGraph.Stride}");
        (Weights, Bias, Normalization, Rule, InputSide) = (weights, bias, normalization, rule, inputSide);
    }

    public float[] Weights { get; }
    public float Bias { get; }
    public CellNormalization Normalization { get; }
    public BoxRule Rule { get; }
    /// <summary>Side of the squashed square image whose feature map the head scores (448 → 14×14 cells).</summary>
    public int InputSide { get; }

    public HeatMap Score(FeatureMap map)
    {
        if (map.Channels != Weights.Length)
            throw new ArgumentException($"map has {map.Channels} channels, head expects {Weights.Length}", nameof(map));
        var cell = new float[map.Channels];
        var heat = new float[map.Cells];
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                CellFeatures.Cell(map, x, y, Normalization, cell);
                heat[y * map.Width + x] = Sigmoid(TensorPrimitives.Dot(Weights, cell) + Bias);
            }
        }
        return new HeatMap(map.Width, map.Height, heat);
    }

    public CropDetection Detect(FeatureMap map) => HeatMapBoxer.Find(Score(map), Rule);

    private static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-z));
}
