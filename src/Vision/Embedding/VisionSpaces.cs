using Pursearch.Core.Versions;

namespace Pursearch.Vision.Embedding;

/// <summary>The embedding spaces this code produces; a vector is only comparable with vectors of the same space.</summary>
public static class VisionSpaces
{
    /// <summary>ImageNet ResNet-18 (DnnImageFeaturizer 0.24.0), whole image or crop squashed to 224 with Mitchell,
    /// BGR minus the package's mean image, global-average-pooled, L2-normalised.</summary>
    public static EmbeddingSpace ResNet18Squash224 { get; } = new(
        "resnet18-sq224-v1",
        "resnet18-imagenet (Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0)",
        "squash to 224x224 (Mitchell), BGR minus mean image, global average pool, L2",
        BackboneGraph.FeatureDimensions);
}
