using System.Numerics.Tensors;

namespace Pursearch.Indexer.Training.Learning;

/// <summary>A trained multinomial linear model over raw feature rows: p = softmax(W·x + b), W row-major classes × dimensions.</summary>
public sealed record SoftmaxModel(int Classes, int Dimensions, float[] Weights, float[] Biases)
{
    public float[] Probabilities(ReadOnlySpan<float> row)
    {
        var logits = new float[Classes];
        for (var c = 0; c < Classes; c++)
            logits[c] = TensorPrimitives.Dot(Weights.AsSpan(c * Dimensions, Dimensions), row) + Biases[c];
        TensorPrimitives.SoftMax(logits, logits);
        return logits;
    }
}
