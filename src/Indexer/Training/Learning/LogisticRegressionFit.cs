using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Pursearch.Indexer.Training.Learning;

/// <summary>
/// Weighted binary logistic regression with ML.NET's L-BFGS trainer on standardised rows, returned as one raw-row
/// scorer: the standardisation and ML.NET's Platt calibration, P = 1 / (1 + exp(slope·s + offset)) over the score
/// s = w·x + b, are folded into w and b so that P = sigmoid(w''·x + b'') with w'' = −slope·w, b'' = −(slope·b + offset).
/// </summary>
public static class LogisticRegressionFit
{
    public static LinearScorer Train(IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<float> weights,
        LinearFitOptions options)
    {
        options.Validate();
        if (rows.Count == 0 || labels.Count != rows.Count || weights.Count != rows.Count)
            throw new ArgumentException($"need as many labels and weights as rows ({rows.Count}, {labels.Count}, {weights.Count})");
        if (!labels.Contains(true) || !labels.Contains(false))
            throw new ArgumentException("logistic regression needs both positive and negative rows", nameof(labels));
        var standardizer = FeatureStandardizer.Fit(rows);
        var ml = new MLContext(seed: 0);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, standardizer.Dimensions);
        var data = ml.Data.LoadFromEnumerable(
            Enumerable.Range(0, rows.Count).Select(i => new Row
            {
                Features = standardizer.Apply(rows[i]), Label = labels[i], Weight = weights[i],
            }), schema);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
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
        var (slope, offset) = (model.Calibrator.Slope, model.Calibrator.Offset);
        var raw = model.SubModel.Weights.Select(w => (float)(-slope * w)).ToArray();
        var (folded, bias) = standardizer.Fold(raw, (float)-(slope * model.SubModel.Bias + offset));
        return new LinearScorer(folded, bias);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
        public float Weight { get; set; }
    }
}
