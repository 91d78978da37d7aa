namespace Pursearch.Indexer.Training.Evaluation;

/// <summary>
/// What a model scored on held-out photos. Identification and crop figures are over photos with a bag
/// (<see cref="HeldOut"/>), false positives and "not a handbag" over photos without one (<see cref="Negatives"/>).
/// Retrieval figures are null when no catalog was given.
/// </summary>
public sealed record HeldOutResult
{
    public double IdentificationTop1 { get; init; }
    public double IdentificationTop3 { get; init; }
    public double? StyleInTop3 { get; init; }
    public double? StyleInTop3NoCrop { get; init; }
    /// <summary>Style in the top 3 by cosine alone, without the identification head's re-ranking.</summary>
    public double? StyleInTop3CosineOnly { get; init; }
    public double CropIoU { get; init; }
    public double CropDetectionRate { get; init; }
    public double CropFalsePositiveRate { get; init; }
    public double CenterBoxIoU { get; init; }
    public double BaselineColorTop1 { get; init; }
    /// <summary>Mean crop IoU over primary bags smaller than <see cref="HeldOutEvaluator.SmallBagArea"/> of the frame.</summary>
    public double CropIoUSmall { get; init; }
    public double NotHandbagRate { get; init; }
    public int HeldOut { get; init; }
    public int Negatives { get; init; }
    public int SmallBags { get; init; }
    public int CatalogProducts { get; init; }
    public IReadOnlyList<ConfusionPair> Confusions { get; init; } = [];

    /// <summary>The figures as model-version metrics (names as in the eval JSON).</summary>
    public Dictionary<string, double> ToMetrics()
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["identificationTop1"] = IdentificationTop1,
            ["identificationTop3"] = IdentificationTop3,
            ["cropIoU"] = CropIoU,
            ["cropDetectionRate"] = CropDetectionRate,
            ["cropFalsePositiveRate"] = CropFalsePositiveRate,
            ["centerBoxIoU"] = CenterBoxIoU,
            ["baselineColorTop1"] = BaselineColorTop1,
            ["cropIoUSmall"] = CropIoUSmall,
            ["notHandbagRate"] = NotHandbagRate,
            ["heldOut"] = HeldOut,
        };
        if (StyleInTop3 is { } crop)
            metrics["styleInTop3"] = crop;
        if (StyleInTop3NoCrop is { } whole)
            metrics["styleInTop3NoCrop"] = whole;
        if (StyleInTop3CosineOnly is { } cosineOnly)
            metrics["styleInTop3CosineOnly"] = cosineOnly;
        return metrics;
    }
}
