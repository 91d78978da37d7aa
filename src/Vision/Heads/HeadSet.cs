namespace Pursearch.Vision.Heads;

/// <summary>The trained heads of one model version over one embedding space; either head may be absent
/// (no crop head: the whole image is embedded; no identification head: nothing is identified).</summary>
public sealed record HeadSet(string EmbeddingSpaceId, IdentificationHead? Identification, CropHead? Crop);
