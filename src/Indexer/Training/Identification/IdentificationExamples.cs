using Pursearch.Indexer.Training.Features;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Identification;

/// <summary>
/// The crops identification learns from, as the search pipeline would cut them (photo decoded for cropping): each bag's
/// true box and jittered copies of the primary one; the whole photo and random regions of photos without a bag
/// ("not a handbag"); the whole photo for photos without boxes; optionally the catalog's studio shots, decoded as the
/// indexer decodes them. Jitter is seeded by the photo's name, so the same set gives the same crops (and cache hits).
/// </summary>
public static class IdentificationExamples
{
    public static List<IdentificationExample> ForPhotos(IReadOnlyList<LabelledPhoto> photos,
        IdentificationTrainingOptions options, int cropDecodeMinSide)
    {
        var examples = new List<IdentificationExample>();
        foreach (var photo in photos)
        {
            var random = new Random(StableSeed.Of(Path.GetFileName(photo.ImagePath)));
            ImageRegion Region(NormalizedBox box) => new(photo.ImagePath, box, cropDecodeMinSide);
            if (photo.IsNegative)
            {
                examples.Add(new(Region(NormalizedBox.Full), HeadClass.NotHandbagSlug));
                for (var k = 0; k < options.RegionsPerNegative; k++)
                    examples.Add(new(Region(BoxJitter.RandomRegion(random)), HeadClass.NotHandbagSlug));
                continue;
            }
            if (photo.PrimaryBag is not { } primary)
            {
                examples.Add(new(Region(NormalizedBox.Full), photo.ClassSlug));
                continue;
            }
            foreach (var bag in photo.Bags)
                examples.Add(new(Region(bag.Box), bag.ClassSlug));
            for (var k = 0; k < options.JitteredCropsPerBag; k++)
                examples.Add(new(Region(options.Jitter.Apply(primary.Box, random)), primary.ClassSlug));
        }
        return examples;
    }

    /// <summary>Studio shots of classes the head knows, whole image, decoded at the embedding size.</summary>
    public static List<IdentificationExample> ForShots(IReadOnlyList<CatalogShot> shots, IReadOnlySet<string> knownClasses,
        int embeddingSide) =>
        [.. shots.Where(s => knownClasses.Contains(s.TrueClass))
            .Select(s => new IdentificationExample(new ImageRegion(s.ImagePath, NormalizedBox.Full, embeddingSide), s.TrueClass))];
}
