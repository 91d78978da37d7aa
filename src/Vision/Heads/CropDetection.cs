using Pursearch.Vision.Imaging;

namespace Pursearch.Vision.Heads;

/// <summary>Where the crop head found the bag, or that it found none (<see cref="Box"/> null);
/// <see cref="Score"/> is the highest cell probability of the chosen component (of the map when none).</summary>
public sealed record CropDetection(NormalizedBox? Box, double Score)
{
    public bool Found => Box is not null;
}
