using System.Numerics.Tensors;

namespace Pursearch.Vision.Heads;

/// <summary>Multinomial logistic regression over an embedding: p = softmax(W·x + b), one row of W per class
/// (the shape ML.NET's LbfgsMaximumEntropy learns).</summary>
public sealed class IdentificationHead
{
    private readonly float[] _weights;
    private readonly float[] _biases;

    // weights: classes × dimensions, row-major; biases: one per class.
    public IdentificationHead(IReadOnlyList<HeadClass> classes, int dimensions, float[] weights, float[] biases)
    {
        if (classes.Count < 2)
            throw new ArgumentException("a classifier needs at least 2 classes", nameof(classes));
        if (classes.Select(c => c.Slug).Distinct(StringComparer.Ordinal).Count() != classes.Count)
            throw new ArgumentException("class slugs must be unique", nameof(classes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (weights.Length != classes.Count * dimensions || biases.Length != classes.Count)
            throw new ArgumentException(
                $"expected {classes.Count}×{dimensions} weights and {classes.Count} biases, got {weights.Length} and {biases.Length}");
        if (weights.Any(w => !float.IsFinite(w)) || biases.Any(b => !float.IsFinite(b)))
            throw new ArgumentException("weights and biases must be finite", nameof(weights));
        (Classes, Dimensions, _weights, _biases) = (classes, dimensions, weights, biases);
    }

    public IReadOnlyList<HeadClass> Classes { get; }
    public int Dimensions { get; }
    public ReadOnlySpan<float> Weights => _weights;
    public ReadOnlySpan<float> Biases => _biases;

    /// <summary>One probability per class, in <see cref="Classes"/> order, summing to 1.</summary>
    public float[] Probabilities(ReadOnlySpan<float> embedding)
    {
        if (embedding.Length != Dimensions)
            throw new ArgumentException($"expected a {Dimensions}-d embedding, got {embedding.Length}", nameof(embedding));
        var logits = new float[Classes.Count];
        for (var c = 0; c < logits.Length; c++)
            logits[c] = TensorPrimitives.Dot(_weights.AsSpan(c * Dimensions, Dimensions), embedding) + _biases[c];
        TensorPrimitives.SoftMax(logits, logits);
        return logits;
    }

    /// <summary>The <paramref name="top"/> most likely handbag classes, and whether "not a handbag" is the most likely
    /// class overall.</summary>
    public Identification Identify(ReadOnlySpan<float> embedding, int top = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var probabilities = Probabilities(embedding);
        var ranked = Enumerable.Range(0, Classes.Count)
            .OrderByDescending(c => probabilities[c]).ThenBy(c => c).ToList();
        var none = Enumerable.Range(0, Classes.Count).FirstOrDefault(c => Classes[c].IsNotHandbag, -1);
        var best = ranked
            .Where(c => !Classes[c].IsNotHandbag)
            .Take(top)
            .Select(c => new ClassProbability(Classes[c].Slug, Classes[c].Brand!, Classes[c].Style!, probabilities[c]))
            .ToList();
        return new Identification(none >= 0 && ranked[0] == none, none >= 0 ? probabilities[none] : 0, best);
    }
}
