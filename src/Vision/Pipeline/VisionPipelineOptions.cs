namespace Pursearch.Vision.Pipeline;

/// <summary>Tuning of <see cref="VisionPipeline"/>.</summary>
public sealed record VisionPipelineOptions
{
    /// <summary>With crop on, decode at least this many pixels on the shorter side, so a crop of a smallish bag still
    /// has detail at the embedding size.</summary>
    public int CropDecodeMinSide { get; init; } = 896;
    public int TopClasses { get; init; } = 3;
}
