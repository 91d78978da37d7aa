using Pursearch.Indexer.Training.Evaluation;
using Pursearch.Indexer.Training.Features;
using Pursearch.Indexer.Training.Learning;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Crop;

/// <summary>
/// Trains the crop head: one backbone pass per photo at <see cref="CropTrainingOptions.InputSide"/>, every cell labelled
/// from the true boxes, a class-balanced logistic regression over the L2-normalised cell vectors (all bag cells, a
/// sample of background cells), then the box rule tuned on the validation photos' heat maps. The head that is returned
/// is the one the rule was tuned for (trained on the fit photos only), since the threshold is tied to its calibration.
/// </summary>
public static class CropHeadTrainer
{
    private const CellNormalization Normalization = CellNormalization.L2;

    public static CropTrainingResult Train(IReadOnlyList<LabelledPhoto> fit, IReadOnlyList<LabelledPhoto> validation,
        PhotoFeatures features, CropTrainingOptions options, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancel = default)
    {
        var fitPhotos = fit.Where(p => p.Boxed).ToList();
        var validationPhotos = validation.Where(p => p.Boxed).ToList();
        if (fitPhotos.Count == 0 || validationPhotos.Count == 0)
            throw new TrainingSetException("the crop head needs photos with boxes (sidecars) in both the fit and validation parts");
        var cells = CollectCells(fitPhotos, features, options, progress, cancel);
        var scorer = LogisticRegressionFit.Train(cells.Rows, cells.Labels, cells.Weights(), options.Fit);
        var untuned = new CropHead(scorer.Weights, scorer.Bias, Normalization, new BoxRule(), options.InputSide);
        var heats = new List<(HeatMap, NormalizedBox?)>(validationPhotos.Count);
        features.ForEachMap([.. validationPhotos.Select(p => p.ImagePath)], options.InputSide, options.DecodeMinSide,
            (i, map) => heats.Add((untuned.Score(map), validationPhotos[i].PrimaryBag?.Box)),
            TrainingProgress.Counter(progress, "crop head: validation maps", validationPhotos.Count), cancel);
        var (rule, quality) = options.Tuner.Tune(heats);
        return new CropTrainingResult(new CropHead(scorer.Weights, scorer.Bias, Normalization, rule, options.InputSide),
            quality, cells.BagCount, cells.BackgroundCount);
    }

    private static CellRows CollectCells(List<LabelledPhoto> photos, PhotoFeatures features, CropTrainingOptions options,
        IProgress<TrainingProgress>? progress, CancellationToken cancel)
    {
        var cells = new CellRows();
        features.ForEachMap([.. photos.Select(p => p.ImagePath)], options.InputSide, options.DecodeMinSide, (i, map) =>
        {
            var labels = options.Labeler.Label(map, [.. photos[i].Bags.Select(b => b.Box)]);
            var background = Enumerable.Range(0, labels.Length).Where(c => labels[c] == CellLabel.Background).ToList();
            // A fixed shuffle per photo keeps runs repeatable.
            new Random(i).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(background));
            foreach (var cell in background.Take(options.BackgroundCellsPerPhoto))
                cells.Add(map, cell, bag: false);
            for (var cell = 0; cell < labels.Length; cell++)
            {
                if (labels[cell] == CellLabel.Bag)
                    cells.Add(map, cell, bag: true);
            }
        }, TrainingProgress.Counter(progress, "crop head: training maps", photos.Count), cancel);
        if (cells.BagCount == 0 || cells.BackgroundCount == 0)
            throw new TrainingSetException("the crop head needs both bag and background cells: are the boxes right?");
        return cells;
    }

    private sealed class CellRows
    {
        public List<float[]> Rows { get; } = [];
        public List<bool> Labels { get; } = [];
        public int BagCount { get; private set; }
        public int BackgroundCount => Rows.Count - BagCount;

        public void Add(FeatureMap map, int cell, bool bag)
        {
            var row = new float[map.Channels];
            CellFeatures.Cell(map, cell % map.Width, cell / map.Width, Normalization, row);
            Rows.Add(row);
            Labels.Add(bag);
            BagCount += bag ? 1 : 0;
        }

        // Each class carries half the total weight, however many cells it has.
        public float[] Weights()
        {
            var bagWeight = Rows.Count / (2f * BagCount);
            var backgroundWeight = Rows.Count / (2f * BackgroundCount);
            return [.. Labels.Select(bag => bag ? bagWeight : backgroundWeight)];
        }
    }
}
