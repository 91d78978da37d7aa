using System.Globalization;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Features;

/// <summary>A region of an image file to embed: the file decoded with at least <see cref="DecodeMinSide"/> pixels on
/// its shorter side (as the search pipeline decodes it), then <see cref="Box"/> squashed to the embedding size.</summary>
public sealed record ImageRegion(string ImagePath, NormalizedBox Box, int DecodeMinSide)
{
    /// <summary>The box as it appears in cache keys: 5 decimals, far below a pixel of any photo this handles.</summary>
    public string BoxKey => string.Create(CultureInfo.InvariantCulture, $"{Box.X:F5},{Box.Y:F5},{Box.W:F5},{Box.H:F5}");
}
