using Pursearch.Indexer.Training.Crop;
using Pursearch.Indexer.Training.Evaluation;
using Pursearch.Indexer.Training.Features;
using Pursearch.Indexer.Training.Identification;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training;

/// <summary>
/// Trains both heads from a labelled set. Training photos are split into a fit part and a validation part (never the
/// held-out split): the crop head learns on the fit part and its box rule is tuned on the validation part; the
/// identification head's L2 weight is chosen by how well it identifies the validation photos cut by that crop head
/// (as a search would cut them), then it is refitted on all training photos with that weight.
/// </summary>
public static class HeadTrainer
{
    public static TrainedHeads Train(TrainingSetLayout layout, PhotoFeatures features, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default)
    {
        var photos = LabelledSetReader.Read(layout.TrainDirectory);
        var (fit, validation) = ValidationSplit.Split(photos, options.ValidationFraction, options.NegativeValidationFraction);
        var crop = CropHeadTrainer.Train(fit, validation, features, options.Crop, progress, cancel);
        var identification = TrainIdentification(layout, HeadClasses.From(photos), fit, validation, crop.Head, features,
            options, progress, cancel);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["validation.cropIoU"] = crop.Validation.MeanIoU,
            ["validation.cropDetectionRate"] = crop.Validation.DetectionRate,
            ["validation.cropFalsePositiveRate"] = crop.Validation.FalsePositiveRate,
            ["validation.identificationTop1"] = identification.ValidationTop1,
            ["validation.photos"] = validation.Count,
        };
        var manifest = Manifest(layout, photos, validation.Count, crop, options, identification);
        return new TrainedHeads(new HeadSet(features.SpaceId, identification.Head, crop.Head), metrics, manifest);
    }

    private static IdentificationOutcome TrainIdentification(TrainingSetLayout layout, IReadOnlyList<HeadClass> classes,
        IReadOnlyList<LabelledPhoto> fit, IReadOnlyList<LabelledPhoto> validation, CropHead crop, PhotoFeatures features,
        TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancel)
    {
        var decodeMinSide = options.Crop.DecodeMinSide;
        var shots = options.Identification.UseProductShots && layout.CatalogPath is { } catalog
            ? IdentificationExamples.ForShots(CatalogShot.ReadCatalog(catalog), classes.Select(c => c.Slug).ToHashSet(),
                features.InputSide)
            : [];
        var fitExamples = IdentificationExamples.ForPhotos(fit, options.Identification, decodeMinSide).Concat(shots).ToList();
        var fitVectors = Embed(features, fitExamples, "identification: training crops", progress, cancel);
        var found = PredictedRegions(validation, crop, features, decodeMinSide, progress, cancel);
        var foundVectors = features.Vectors(found,
            TrainingProgress.Counter(progress, "identification: validation crops", found.Count), cancel);
        var (l2, validationHead) = ChooseL2(classes, fitExamples, fitVectors, validation, foundVectors, options.Identification);

        var validationExamples = IdentificationExamples.ForPhotos(validation, options.Identification, decodeMinSide);
        var validationVectors = Embed(features, validationExamples, "identification: validation examples", progress, cancel);
        var allExamples = fitExamples.Concat(validationExamples).ToList();
        var head = IdentificationHeadFit.Train(classes, [.. fitVectors, .. validationVectors],
            [.. allExamples.Select(e => e.ClassSlug)], options.Identification.Fit with { L2 = l2 });
        return new IdentificationOutcome(head, l2, Accuracy(validationHead, validation, foundVectors, positivesOnly: true),
            allExamples.Count, shots.Count > 0);
    }

    private static List<float[]> Embed(PhotoFeatures features, List<IdentificationExample> examples, string stage,
        IProgress<TrainingProgress>? progress, CancellationToken cancel) =>
        [.. features.Vectors([.. examples.Select(e => e.Region)], TrainingProgress.Counter(progress, stage, examples.Count), cancel)];

    /// <summary>Where the crop head cuts each photo (the whole photo when it finds nothing), as the search pipeline does.</summary>
    public static List<ImageRegion> PredictedRegions(IReadOnlyList<LabelledPhoto> photos, CropHead head, PhotoFeatures features,
        int decodeMinSide, IProgress<TrainingProgress>? progress, CancellationToken cancel)
    {
        var regions = new ImageRegion[photos.Count];
        features.ForEachMap([.. photos.Select(p => p.ImagePath)], head.InputSide, decodeMinSide,
            (i, map) => regions[i] = new ImageRegion(photos[i].ImagePath, head.Detect(map).Box ?? NormalizedBox.Full, decodeMinSide),
            TrainingProgress.Counter(progress, "crop head: locating bags", photos.Count), cancel);
        return [.. regions];
    }

    // The weight whose head identifies most validation photos right ("not a handbag" included).
    private static (float L2, IdentificationHead Head) ChooseL2(IReadOnlyList<HeadClass> classes,
        List<IdentificationExample> examples, List<float[]> vectors, IReadOnlyList<LabelledPhoto> validation,
        float[][] validationVectors, IdentificationTrainingOptions options)
    {
        var slugs = examples.Select(e => e.ClassSlug).ToList();
        (float L2, IdentificationHead Head, double Accuracy)? best = null;
        foreach (var l2 in options.L2Candidates)
        {
            var head = IdentificationHeadFit.Train(classes, vectors, slugs, options.Fit with { L2 = l2 });
            var accuracy = Accuracy(head, validation, validationVectors, positivesOnly: false);
            if (best is null || accuracy > best.Value.Accuracy)
                best = (l2, head, accuracy);
        }
        return (best!.Value.L2, best.Value.Head);
    }

    private static double Accuracy(IdentificationHead head, IReadOnlyList<LabelledPhoto> photos, float[][] vectors,
        bool positivesOnly)
    {
        var index = head.Classes.Select((c, i) => (c.Slug, i)).ToDictionary(p => p.Slug, p => p.i, StringComparer.Ordinal);
        var (hits, count) = (0, 0);
        for (var i = 0; i < photos.Count; i++)
        {
            if (positivesOnly && photos[i].IsNegative)
                continue;
            count++;
            if (index.TryGetValue(photos[i].ClassSlug, out var truth) && TopK.Hit(head.Probabilities(vectors[i]), truth, 1))
                hits++;
        }
        return count == 0 ? 0 : (double)hits / count;
    }

    private static TrainingManifest Manifest(TrainingSetLayout layout, IReadOnlyList<LabelledPhoto> photos, int validationCount,
        CropTrainingResult crop, TrainingOptions options, IdentificationOutcome identification)
    {
        var boxes = photos.Select(p => p.PrimaryBag?.Box).OfType<NormalizedBox>().ToList();
        var origin = SetManifest.Read(layout.ManifestPath);
        return new TrainingManifest
        {
            TrainDirectory = layout.TrainDirectory,
            HeldOutDirectory = layout.HeldOutDirectory,
            CatalogPath = layout.CatalogPath,
            ForgeVersion = origin?.ForgeVersion,
            Seed = origin?.Seed,
            Photos = photos.Count,
            ValidationPhotos = validationCount,
            Negatives = photos.Count(p => p.IsNegative),
            MeanBoxWidth = boxes.Count == 0 ? 1 : boxes.Average(b => b.W),
            MeanBoxHeight = boxes.Count == 0 ? 1 : boxes.Average(b => b.H),
            CropInputSide = crop.Head.InputSide,
            CropDecodeMinSide = options.Crop.DecodeMinSide,
            CropBagCells = crop.BagCells,
            CropBackgroundCells = crop.BackgroundCells,
            IdentificationL2 = identification.L2,
            IdentificationExamples = identification.Examples,
            ProductShotsUsed = identification.ProductShotsUsed,
        };
    }

    // The final head (all training photos), its L2 weight, and how the fit-only head did on the validation photos.
    private sealed record IdentificationOutcome(IdentificationHead Head, float L2, double ValidationTop1, int Examples,
        bool ProductShotsUsed);
}
