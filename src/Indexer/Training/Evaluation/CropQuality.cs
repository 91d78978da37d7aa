using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Evaluation;

/// <summary>
/// How well predicted boxes match the truth: mean IoU over photos with a bag (a photo where nothing was found scores
/// 0), the share of those with IoU ≥ <see cref="DetectionIoU"/>, and the share of photos without a bag where a box was
/// found anyway. Rates over an empty group are 0; the counts say how many photos each rate is over.
/// </summary>
public sealed record CropQuality(double MeanIoU, double DetectionRate, double FalsePositiveRate, int Positives, int Negatives)
{
    public const double DetectionIoU = 0.5;

    /// <summary>One outcome per photo: the predicted box (null: none found) and the true primary box (null: no bag).</summary>
    public static CropQuality Measure(IEnumerable<(NormalizedBox? Predicted, NormalizedBox? Truth)> outcomes)
    {
        double iouSum = 0;
        int positives = 0, detected = 0, negatives = 0, falsePositives = 0;
        foreach (var (predicted, truth) in outcomes)
        {
            if (truth is not { } bag)
            {
                negatives++;
                falsePositives += predicted is null ? 0 : 1;
                continue;
            }
            positives++;
            var iou = predicted is { } box ? box.IntersectionOverUnion(bag) : 0;
            iouSum += iou;
            detected += iou >= DetectionIoU ? 1 : 0;
        }
        return new CropQuality(Rate(iouSum, positives), Rate(detected, positives), Rate(falsePositives, negatives),
            positives, negatives);
    }

    private static double Rate(double sum, int count) => count == 0 ? 0 : sum / count;
}
