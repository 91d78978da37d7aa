using Pursearch.Vision.Imaging;

namespace Pursearch.Vision.Pipeline;

/// <summary>What the crop stage did: the mode that ran (Off when asked, or when no crop head is loaded), whether a
/// bag was found, its box, and the crop head's score.</summary>
public sealed record CropOutcome(CropMode Mode, bool Found, NormalizedBox? Box, double Score)
{
    public static CropOutcome Off { get; } = new(CropMode.Off, false, null, 0);
}
