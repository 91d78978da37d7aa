using Pursearch.Vision.Heads;

namespace Pursearch.Indexer.Training.Sets;

/// <summary>One photo of a labelled set: where it is, the class it is filed under (<see cref="HeadClass.NotHandbagSlug"/>
/// for a photo without a handbag) and its bags. <see cref="Boxed"/> is false when the set gave no boxes for it
/// (an ImageFolder without sidecars): such a photo can teach identification but not where bags are.</summary>
public sealed record LabelledPhoto(string ImagePath, string ClassSlug, string Brand, string Style,
    IReadOnlyList<LabelledBag> Bags, bool Boxed)
{
    public bool IsNegative => ClassSlug == HeadClass.NotHandbagSlug;

    /// <summary>The bag the photo is filed under: the one marked primary, else the first; null for a negative or an
    /// unboxed photo.</summary>
    public LabelledBag? PrimaryBag => Bags.FirstOrDefault(b => b.Primary) ?? Bags.FirstOrDefault();
}
