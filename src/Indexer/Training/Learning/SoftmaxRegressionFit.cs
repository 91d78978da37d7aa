using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Pursearch.Indexer.Training.Learning;

/// <summary>
/// Multinomial logistic regression (ML.NET <c>LbfgsMaximumEntropy</c>) on standardised rows, returned as one raw-row
/// model with the standardisation folded into each class's weights and bias. Labels are class indexes 0..C−1; they are
/// fed as a key column of exactly C values, so row c of the learned weights is class c (no key-value lookup needed).
/// </summary>
public static class SoftmaxRegressionFit
{
    public static SoftmaxModel Train(IReadOnlyList<float[]> rows, IReadOnlyList<int> labels, int classes,
        IReadOnlyList<float>? weights, LinearFitOptions options)
    {
        options.Validate();
        if (classes < 2)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "a classifier needs at least 2 classes");
        if (rows.Count == 0 || labels.Count != rows.Count || (weights is not null && weights.Count != rows.Count))
            throw new ArgumentException($"need as many labels (and weights) as rows ({rows.Count}, {labels.Count})");
        if (labels.Any(l => l < 0 || l >= classes))
            throw new ArgumentOutOfRangeException(nameof(labels), $"labels must be in 0..{classes - 1}");
        var standardizer = FeatureStandardizer.Fit(rows);
        var ml = new MLContext(seed: 0);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, standardizer.Dimensions);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        var data = ml.Data.LoadFromEnumerable(
            Enumerable.Range(0, rows.Count).Select(i => new Row
            {
                // LoadFromEnumerable takes a key-typed field as the 0-based index (it stores index + 1 itself; feeding
                // index + 1 shifts every class by one and drops the last as "missing").
                Features = standardizer.Apply(rows[i]), Label = (uint)labels[i], Weight = weights?[i] ?? 1f,
            }), schema);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            L2Regularization = options.L2,
            L1Regularization = 0,
            OptimizationTolerance = options.Tolerance,
            MaximumNumberOfIterations = options.MaxIterations,
            NumberOfThreads = options.Threads,
        });
        var model = trainer.Fit(data).Model;
        VBuffer<float>[] classWeights = [];
        model.GetWeights(ref classWeights, out var learned);
        if (learned != classes)
            throw new InvalidOperationException($"ML.NET learned {learned} classes, expected {classes}");
        var biases = model.GetBiases().ToArray();
        var dimensions = standardizer.Dimensions;
        var foldedWeights = new float[classes * dimensions];
        var foldedBiases = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            var (w, b) = standardizer.Fold(classWeights[c].DenseValues().ToArray(), biases[c]);
            w.CopyTo(foldedWeights, c * dimensions);
            foldedBiases[c] = b;
        }
        return new SoftmaxModel(classes, dimensions, foldedWeights, foldedBiases);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public uint Label { get; set; }
        public float Weight { get; set; }
    }
}
