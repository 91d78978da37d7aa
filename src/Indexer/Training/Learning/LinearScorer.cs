using System.Numerics.Tensors;

namespace Pursearch.Indexer.Training.Learning;

/// <summary>A trained binary linear model over raw feature rows: p = sigmoid(w·x + b).</summary>
public sealed record LinearScorer(float[] Weights, float Bias)
{
    public double Probability(ReadOnlySpan<float> row) => 1 / (1 + Math.Exp(-(TensorPrimitives.Dot(Weights, row) + Bias)));
}
