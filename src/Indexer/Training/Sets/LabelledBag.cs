using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Sets;

/// <summary>One handbag drawn in a labelled photo: its class (slug <c>brand-slug/style-slug</c> and display names), the
/// box around it and whether it is the photo's primary bag (the one the photo is filed under).</summary>
public sealed record LabelledBag(string ClassSlug, string Brand, string Style, NormalizedBox Box, bool Primary);
