using System.Numerics.Tensors;
using Pursearch.Indexer.Training.Features;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Evaluation;

/// <summary>
/// Scores a model on held-out photos the way a search uses it: the crop head finds the bag on the photo decoded for
/// cropping (the whole photo when it finds nothing), the crop is embedded and identified, and its vector looks up the
/// catalog's whole product shots (as the index holds them): the cosine-nearest candidates re-ranked by
/// <see cref="ClassAgreement"/>, as a search node ranks them. The same without crop gives the no-crop figure, and
/// <see cref="HeldOutResult.StyleInTop3CosineOnly"/> the figure without re-ranking. Beside it, two baselines that must
/// stay well below: a centred box of the mean training size, and 1-nearest-neighbour identification by the colour
/// histogram of the true bag region against the training photos.
/// </summary>
public static class HeldOutEvaluator
{
    public const double SmallBagArea = 0.10;
    public const int RetrievalDepth = 3;
    public const int ConfusionsListed = 12;

    public static HeldOutResult Evaluate(HeadSet heads, EvaluationSet set, PhotoFeatures features, ColourFeatures colours,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default)
    {
        var identification = heads.Identification
            ?? throw new TrainingSetException("the model has no identification head to evaluate");
        var crop = heads.Crop ?? throw new TrainingSetException("the model has no crop head to evaluate");
        var photos = set.HeldOut.Where(p => p.IsNegative || p.PrimaryBag is not null).ToList();
        var positives = photos.Where(p => !p.IsNegative).ToList();
        if (positives.Count == 0)
            throw new TrainingSetException("the held-out set has no photos with a boxed bag");

        var boxes = Locate([.. photos.Select(p => p.ImagePath)], crop, features, set.CropDecodeMinSide, progress, cancel);
        var cropped = features.Vectors(
            [.. photos.Select((p, i) => new ImageRegion(p.ImagePath, boxes[i] ?? NormalizedBox.Full, set.CropDecodeMinSide))],
            TrainingProgress.Counter(progress, "evaluation: crops", photos.Count), cancel);
        var quality = CropQuality.Measure(photos.Select((p, i) => (boxes[i], p.PrimaryBag?.Box)));
        var small = Enumerable.Range(0, photos.Count).Where(i => photos[i].PrimaryBag?.Box.Area < SmallBagArea).ToList();
        var positiveIndexes = Enumerable.Range(0, photos.Count).Where(i => !photos[i].IsNegative).ToList();
        var identified = Identify(identification, photos, cropped, positiveIndexes);
        var result = new HeldOutResult
        {
            IdentificationTop1 = identified.Top1,
            IdentificationTop3 = identified.Top3,
            CropIoU = quality.MeanIoU,
            CropDetectionRate = quality.DetectionRate,
            CropFalsePositiveRate = quality.FalsePositiveRate,
            CropIoUSmall = CropQuality.Measure(small.Select(i => (boxes[i], photos[i].PrimaryBag?.Box))).MeanIoU,
            SmallBags = small.Count,
            CenterBoxIoU = positives.Average(p => set.CentreBox.IntersectionOverUnion(p.PrimaryBag!.Box)),
            NotHandbagRate = NotHandbagRate(identification, photos, cropped),
            HeldOut = positives.Count,
            Negatives = quality.Negatives,
            Confusions = identified.Confusions,
            BaselineColorTop1 = ColourBaseline(set, positives, colours, progress, cancel),
        };
        return set.Catalog.Count == 0
            ? result
            : Retrieval(result, set, identification, photos, positiveIndexes, cropped, features, progress, cancel);
    }

    private static NormalizedBox?[] Locate(IReadOnlyList<string> imagePaths, CropHead head, PhotoFeatures features,
        int decodeMinSide, IProgress<TrainingProgress>? progress, CancellationToken cancel)
    {
        var boxes = new NormalizedBox?[imagePaths.Count];
        features.ForEachMap(imagePaths, head.InputSide, decodeMinSide, (i, map) => boxes[i] = head.Detect(map).Box,
            TrainingProgress.Counter(progress, "evaluation: locating bags", imagePaths.Count), cancel);
        return boxes;
    }

    private static (double Top1, double Top3, List<ConfusionPair> Confusions) Identify(IdentificationHead head,
        List<LabelledPhoto> photos, float[][] vectors, List<int> positives)
    {
        var index = head.Classes.Select((c, i) => (c.Slug, i)).ToDictionary(p => p.Slug, p => p.i, StringComparer.Ordinal);
        var (top1, top3) = (0, 0);
        var confusions = new Dictionary<(string, string), int>();
        foreach (var i in positives)
        {
            var probabilities = head.Probabilities(vectors[i]);
            var truth = photos[i].ClassSlug;
            var rank = index.TryGetValue(truth, out var t) ? TopK.Rank(probabilities, t) : int.MaxValue;
            top1 += rank < 1 ? 1 : 0;
            top3 += rank < 3 ? 1 : 0;
            if (rank == 0)
                continue;
            var predicted = head.Classes[TensorPrimitives.IndexOfMax(probabilities)].Slug;
            confusions[(truth, predicted)] = confusions.GetValueOrDefault((truth, predicted)) + 1;
        }
        var pairs = confusions.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Item1, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Item2, StringComparer.Ordinal)
            .Take(ConfusionsListed).Select(c => new ConfusionPair(c.Key.Item1, c.Key.Item2, c.Value)).ToList();
        return ((double)top1 / positives.Count, (double)top3 / positives.Count, pairs);
    }

    private static double NotHandbagRate(IdentificationHead head, List<LabelledPhoto> photos, float[][] vectors)
    {
        var none = Enumerable.Range(0, head.Classes.Count).FirstOrDefault(c => head.Classes[c].IsNotHandbag, -1);
        var negatives = Enumerable.Range(0, photos.Count).Where(i => photos[i].IsNegative).ToList();
        if (none < 0 || negatives.Count == 0)
            return 0;
        return negatives.Average(i => TensorPrimitives.IndexOfMax(head.Probabilities(vectors[i])) == none ? 1.0 : 0.0);
    }

    private static HeldOutResult Retrieval(HeldOutResult result, EvaluationSet set, IdentificationHead identification,
        List<LabelledPhoto> photos, List<int> positives, float[][] cropped, PhotoFeatures features,
        IProgress<TrainingProgress>? progress, CancellationToken cancel)
    {
        var side = features.InputSide;
        var products = features.Vectors([.. set.Catalog.Select(s => new ImageRegion(s.ImagePath, NormalizedBox.Full, side))],
            TrainingProgress.Counter(progress, "evaluation: catalog shots", set.Catalog.Count), cancel);
        var whole = features.Vectors([.. positives.Select(i => new ImageRegion(photos[i].ImagePath, NormalizedBox.Full, side))],
            TrainingProgress.Counter(progress, "evaluation: whole photos", positives.Count), cancel);
        double StyleHit(float[] query, string truth, bool rerank)
        {
            var nearest = NearestNeighbours.Top(products.Length, ClassAgreement.DefaultCandidates,
                p => TensorPrimitives.Dot(query, products[p]));
            var top = rerank ? ReRank(identification, query, nearest, products) : nearest;
            return top.Take(RetrievalDepth).Any(p => set.Catalog[p].TrueClass == truth) ? 1 : 0;
        }
        return result with
        {
            StyleInTop3 = positives.Average(i => StyleHit(cropped[i], photos[i].ClassSlug, rerank: true)),
            StyleInTop3NoCrop = positives.Select((i, k) => StyleHit(whole[k], photos[i].ClassSlug, rerank: true)).Average(),
            StyleInTop3CosineOnly = positives.Average(i => StyleHit(cropped[i], photos[i].ClassSlug, rerank: false)),
            CatalogProducts = set.Catalog.Count,
        };
    }

    // The search node's ranking: the cosine-nearest candidates re-scored by class agreement (ClassAgreementRescorer).
    private static IEnumerable<int> ReRank(IdentificationHead head, float[] query, IReadOnlyList<int> nearest,
        float[][] products)
    {
        var agreement = new ClassAgreement(head, query);
        return nearest.OrderByDescending(p => agreement.Score(TensorPrimitives.Dot(query, products[p]), products[p]));
    }

    private static double ColourBaseline(EvaluationSet set, List<LabelledPhoto> heldOut, ColourFeatures colours,
        IProgress<TrainingProgress>? progress, CancellationToken cancel)
    {
        var training = set.Training.Where(p => !p.IsNegative && p.PrimaryBag is not null).ToList();
        if (training.Count == 0)
            return 0;
        var known = colours.Of([.. training.Select(p => new ImageRegion(p.ImagePath, p.PrimaryBag!.Box, 0))],
            TrainingProgress.Counter(progress, "colour baseline: training bags", training.Count), cancel);
        var queries = colours.Of([.. heldOut.Select(p => new ImageRegion(p.ImagePath, p.PrimaryBag!.Box, 0))],
            TrainingProgress.Counter(progress, "colour baseline: held-out bags", heldOut.Count), cancel);
        return heldOut.Select((p, i) =>
            training[NearestNeighbours.Top(known.Length, 1, k => -ColourHistogram.Distance(queries[i], known[k]))[0]].ClassSlug
                == p.ClassSlug ? 1.0 : 0.0).Average();
    }
}
