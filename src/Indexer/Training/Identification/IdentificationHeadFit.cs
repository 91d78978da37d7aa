using Pursearch.Indexer.Training.Learning;
using Pursearch.Vision.Heads;

namespace Pursearch.Indexer.Training.Identification;

/// <summary>Fits an <see cref="IdentificationHead"/> on embedded examples: softmax regression with every class carrying
/// the same total weight, so a class with more crops (or "not a handbag") does not pull the decision its way.</summary>
public static class IdentificationHeadFit
{
    public static IdentificationHead Train(IReadOnlyList<HeadClass> classes, IReadOnlyList<float[]> vectors,
        IReadOnlyList<string> classSlugs, LinearFitOptions options)
    {
        if (vectors.Count != classSlugs.Count)
            throw new ArgumentException($"{vectors.Count} vectors but {classSlugs.Count} labels", nameof(classSlugs));
        var index = classes.Select((c, i) => (c.Slug, i)).ToDictionary(p => p.Slug, p => p.i, StringComparer.Ordinal);
        var labels = classSlugs.Select(slug => index.TryGetValue(slug, out var i) ? i
            : throw new ArgumentException($"example class '{slug}' is not one of the head's classes", nameof(classSlugs))).ToArray();
        var counts = new int[classes.Count];
        foreach (var label in labels)
            counts[label]++;
        var present = counts.Count(c => c > 0);
        var weights = labels.Select(l => (float)labels.Length / (present * counts[l])).ToArray();
        var model = SoftmaxRegressionFit.Train(vectors, labels, classes.Count, weights, options);
        return new IdentificationHead(classes, model.Dimensions, model.Weights, model.Biases);
    }
}
