namespace Pursearch.Indexer.Training.Sets;

/// <summary>Splits training photos into a part to fit on and a part to tune on, by a stable hash of each photo's class
/// and file name, so the same photo always lands on the same side whatever else is in the set. Photos without a bag
/// may get a larger share (<c>negativeFraction</c>): they are few, the false-positive rate the box rule is tuned against
/// is measured on them alone, and the crop head learns background from every photo's background cells anyway.</summary>
public static class ValidationSplit
{
    public static (IReadOnlyList<LabelledPhoto> Fit, IReadOnlyList<LabelledPhoto> Validation) Split(
        IReadOnlyList<LabelledPhoto> photos, double validationFraction, double? negativeFraction = null)
    {
        if (!(validationFraction is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "must be in (0, 1)");
        if (negativeFraction is { } n && !(n is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(negativeFraction), n, "must be in (0, 1)");
        var fit = new List<LabelledPhoto>();
        var validation = new List<LabelledPhoto>();
        foreach (var photo in photos)
        {
            var bucket = StableSeed.Of($"{photo.ClassSlug}/{Path.GetFileName(photo.ImagePath)}") % 10_000;
            var fraction = photo.IsNegative ? negativeFraction ?? validationFraction : validationFraction;
            (bucket < fraction * 10_000 ? validation : fit).Add(photo);
        }
        if (fit.Count == 0 || validation.Count == 0)
            throw new TrainingSetException(
                $"{photos.Count} training photos are too few to keep {validationFraction:P0} aside for validation");
        return (fit, validation);
    }
}
