namespace Pursearch.Vision.Imaging;

/// <summary>An image that cannot be used, with the reason; callers map it to a 4xx or a skipped item.</summary>
public sealed class ImageRejectedException(ImageRejectionReason reason, string message)
    : Exception($"image rejected ({reason}): {message}")
{
    public ImageRejectionReason Reason { get; } = reason;
}
