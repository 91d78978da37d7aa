using Pursearch.Indexer.Training.Sets;
using Pursearch.Vision.Heads;

namespace Pursearch.Indexer.Training.Identification;

/// <summary>The classes a set teaches: every handbag class of its photos and bags (ordinal by slug, display names from
/// the labels), then "not a handbag" when the set has photos without one.</summary>
public static class HeadClasses
{
    public static IReadOnlyList<HeadClass> From(IReadOnlyList<LabelledPhoto> photos)
    {
        var names = new SortedDictionary<string, (string Brand, string Style)>(StringComparer.Ordinal);
        foreach (var photo in photos.Where(p => !p.IsNegative))
        {
            names.TryAdd(photo.ClassSlug, (photo.Brand, photo.Style));
            foreach (var bag in photo.Bags)
                names.TryAdd(bag.ClassSlug, (bag.Brand, bag.Style));
        }
        var classes = names.Select(n => new HeadClass(n.Key, n.Value.Brand, n.Value.Style)).ToList();
        if (photos.Any(p => p.IsNegative))
            classes.Add(HeadClass.NotHandbag);
        if (classes.Count < 2)
            throw new TrainingSetException("identification needs at least two classes (or one class and _none photos)");
        return classes;
    }
}
