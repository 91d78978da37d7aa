namespace Pursearch.Indexer.Training.Evaluation;

/// <summary>The eval command's answer: which model, on which held-out set (Forge version and seed when it is a Forge
/// set), and what it scored, figures rounded to 4 decimals.</summary>
public sealed record EvaluationReport(
    string ModelVersion,
    double IdentificationTop1,
    double IdentificationTop3,
    double? StyleInTop3,
    double? StyleInTop3NoCrop,
    double? StyleInTop3CosineOnly,
    double CropIoU,
    double CropDetectionRate,
    double CropFalsePositiveRate,
    double CenterBoxIoU,
    double BaselineColorTop1,
    double CropIoUSmall,
    double NotHandbagRate,
    int HeldOut,
    int Negatives,
    int SmallBags,
    int CatalogProducts,
    string? ForgeVersion,
    int? Seed,
    IReadOnlyList<ConfusionPair> Confusions)
{
    public static EvaluationReport From(string modelVersion, HeldOutResult r, string? forgeVersion, int? seed) => new(
        modelVersion, Round(r.IdentificationTop1), Round(r.IdentificationTop3), Round(r.StyleInTop3), Round(r.StyleInTop3NoCrop),
        Round(r.StyleInTop3CosineOnly),
        Round(r.CropIoU), Round(r.CropDetectionRate), Round(r.CropFalsePositiveRate), Round(r.CenterBoxIoU),
        Round(r.BaselineColorTop1), Round(r.CropIoUSmall), Round(r.NotHandbagRate), r.HeldOut, r.Negatives, r.SmallBags,
        r.CatalogProducts, forgeVersion, seed, r.Confusions);

    private static double Round(double value) => Math.Round(value, 4);

    private static double? Round(double? value) => value is { } v ? Round(v) : null;
}
