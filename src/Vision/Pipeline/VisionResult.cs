using Pursearch.Vision.Heads;

namespace Pursearch.Vision.Pipeline;

/// <summary>One photo analysed: crop, identification (null without an identification head), the embedding of the crop
/// (or of the whole photo) and stage timings.</summary>
public sealed record VisionResult(CropOutcome Crop, Identification? Identification, float[] Vector, StageTimings Timings);
