using Pursearch.Indexer.Training.Learning;

namespace Pursearch.Indexer.Tests.Training;

public sealed class LearningTests
{
    [Fact]
    public void Folded_weights_score_raw_rows_as_the_standardised_model_scores_standardised_rows()
    {
        float[][] rows = [[1, 10, 0.5f], [3, 30, 0.5f], [2, 50, 0.5f], [6, 20, 0.5f]];
        var standardizer = FeatureStandardizer.Fit(rows);
        float[] weights = [0.7f, -1.3f, 2f];
        const float bias = 0.25f;

        var (folded, foldedBias) = standardizer.Fold(weights, bias);

        foreach (var row in rows)
        {
            var standardised = standardizer.Apply(row);
            var expected = weights.Zip(standardised, (w, x) => w * x).Sum() + bias;
            var actual = folded.Zip(row, (w, x) => w * x).Sum() + foldedBias;
            Assert.Equal(expected, actual, 3);
        }
        // A feature that never varied taught nothing: weight 0, whatever the solver put there.
        Assert.Equal(0, folded[2]);
    }

    [Fact]
    public void Logistic_regression_separates_two_clusters_with_probabilities_on_the_right_side()
    {
        var (rows, labels) = Clusters(seed: 3, perClass: 80, dimensions: 6, centres: [[-2, 0, 1, 0, 0, 0], [2, 1, 1, 0, 0, 0]]);
        var positive = labels.Select(l => l == 1).ToList();

        var scorer = LogisticRegressionFit.Train(rows, positive, [.. rows.Select(_ => 1f)], new LinearFitOptions { L2 = 0.1f });

        var accuracy = rows.Select((row, i) => scorer.Probability(row) > 0.5 == positive[i]).Average(hit => hit ? 1.0 : 0.0);
        Assert.True(accuracy >= 0.97, $"accuracy {accuracy}");
        // The sign convention of the folded calibration: the class with the larger first feature is the positive one.
        Assert.True(scorer.Weights[0] > 0);
        Assert.True(scorer.Probability([3, 1, 1, 0, 0, 0]) > 0.9);
        Assert.True(scorer.Probability([-3, 0, 1, 0, 0, 0]) < 0.1);
    }

    [Fact]
    public void Example_weights_move_the_decision_towards_the_lighter_class()
    {
        // Overlapping classes: weighting the positives up must raise the probability at the midpoint.
        var (rows, labels) = Clusters(seed: 5, perClass: 100, dimensions: 2, centres: [[-0.5f, 0], [0.5f, 0]], spread: 1.5f);
        var positive = labels.Select(l => l == 1).ToList();
        var options = new LinearFitOptions { L2 = 0.01f };

        var even = LogisticRegressionFit.Train(rows, positive, [.. rows.Select(_ => 1f)], options);
        var favoured = LogisticRegressionFit.Train(rows, positive, [.. positive.Select(p => p ? 5f : 1f)], options);

        Assert.True(favoured.Probability([0, 0]) > even.Probability([0, 0]) + 0.2);
    }

    [Fact]
    public void Softmax_regression_rows_follow_the_class_indexes()
    {
        var (rows, labels) = Clusters(seed: 7, perClass: 60, dimensions: 4,
            centres: [[3, 0, 0, 0], [0, 3, 0, 0], [0, 0, 3, 0]]);

        var model = SoftmaxRegressionFit.Train(rows, labels, 3, null, new LinearFitOptions { L2 = 0.1f });

        var accuracy = rows.Select((row, i) => Array.IndexOf(model.Probabilities(row), model.Probabilities(row).Max()) == labels[i])
            .Average(hit => hit ? 1.0 : 0.0);
        Assert.True(accuracy >= 0.97, $"accuracy {accuracy}");
        Assert.Equal(2, Array.IndexOf(model.Probabilities([0, 0, 4, 0]), model.Probabilities([0, 0, 4, 0]).Max()));
        Assert.Equal(1, model.Probabilities([1, 2, 0, 0]).Sum(), 4);
    }

    [Fact]
    public void Fits_refuse_inputs_they_cannot_learn_from()
    {
        float[][] rows = [[1, 2], [2, 3]];
        var options = new LinearFitOptions();

        Assert.Throws<ArgumentException>(() => LogisticRegressionFit.Train(rows, [true, true], [1, 1], options));
        Assert.Throws<ArgumentException>(() => LogisticRegressionFit.Train(rows, [true], [1, 1], options));
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxRegressionFit.Train(rows, [0, 2], 2, null, options));
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxRegressionFit.Train(rows, [0, 1], 2, null, options with { L2 = -1 }));
    }

    private static (List<float[]> Rows, List<int> Labels) Clusters(int seed, int perClass, int dimensions, float[][] centres,
        float spread = 0.6f)
    {
        var random = new Random(seed);
        var rows = new List<float[]>();
        var labels = new List<int>();
        for (var c = 0; c < centres.Length; c++)
        {
            for (var i = 0; i < perClass; i++)
            {
                rows.Add([.. Enumerable.Range(0, dimensions).Select(d => centres[c][d] + spread * Gaussian(random))]);
                labels.Add(c);
            }
        }
        return (rows, labels);
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
