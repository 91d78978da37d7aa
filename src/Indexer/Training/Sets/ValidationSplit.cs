namespace Pursearch.Indexer.Training.Sets;

/// <summary>Splits training photos into a part to fit on and a part to tune on, by a stable hash of each photo's class
/// and file name, so the same photo always lands on the same side whatever else is in the set.</summary>
public static class ValidationSplit
{
    public static (IReadOnlyList<LabelledPhoto> Fit, IReadOnlyList<LabelledPhoto> Validation) Split(
        IReadOnlyList<LabelledPhoto> photos, double validationFraction)
    {
        if (!(validationFraction is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "must be in (0, 1)");
        var fit = new List<LabelledPhoto>();
        var validation = new List<LabelledPhoto>();
        foreach (var photo in photos)
        {
            var bucket = StableSeed.Of($"{photo.ClassSlug}/{Path.GetFileName(photo.ImagePath)}") % 10_000;
            (bucket < validationFraction * 10_000 ? validation : fit).Add(photo);
        }
        if (fit.Count == 0 || validation.Count == 0)
            throw new TrainingSetException(
                $"{photos.Count} training photos are too few to keep {validationFraction:P0} aside for validation");
        return (fit, validation);
    }
}
