namespace Pursearch.Vision.Embedding;

/// <summary>One image's pass through the backbone: the L2-normalised pooled vector and its last feature map.</summary>
public sealed record BackboneOutput(float[] Vector, FeatureMap Map);
