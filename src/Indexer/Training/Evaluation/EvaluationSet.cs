using Pursearch.Indexer.Training.Sets;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Evaluation;

/// <summary>Everything an evaluation compares against: the held-out photos, the catalog's product shots (may be empty),
/// the training photos (for the colour baseline), the centred-box baseline and the decode size of the crop path.</summary>
public sealed record EvaluationSet(IReadOnlyList<LabelledPhoto> HeldOut, IReadOnlyList<CatalogShot> Catalog,
    IReadOnlyList<LabelledPhoto> Training, NormalizedBox CentreBox, int CropDecodeMinSide)
{
    /// <summary>Reads the held-out split, the catalog (when given) and the training split the model was trained on.</summary>
    public static EvaluationSet Load(string heldOutDirectory, string? catalogPath, TrainingManifest training) => new(
        LabelledSetReader.Read(heldOutDirectory),
        catalogPath is null ? [] : CatalogShot.ReadCatalog(catalogPath),
        LabelledSetReader.Read(training.TrainDirectory),
        training.CentredMeanBox(),
        training.CropDecodeMinSide);
}
