namespace Pursearch.Vision.Imaging;

/// <summary>What the header says: format and upright full-resolution size.</summary>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height);
