using System.Collections.Immutable;

namespace Pursearch.Core.Versions;

/// <summary>Trained heads (identification, crop) over one embedding space, with the metrics they were registered with.</summary>
public sealed record ModelVersion
{
    public string Id { get; }
    public string EmbeddingSpaceId { get; }
    /// <summary>Where the head weights live, relative to the data dir.</summary>
    public string WeightsPath { get; }
    public DateTimeOffset CreatedAt { get; }
    public ImmutableSortedDictionary<string, double> Metrics { get; }

    public ModelVersion(string id, string embeddingSpaceId, string weightsPath, DateTimeOffset createdAt,
        IReadOnlyDictionary<string, double>? metrics = null)
    {
        Id = VersionId.Check(id, "modelVersion");
        EmbeddingSpaceId = VersionId.Check(embeddingSpaceId, "embeddingSpace");
        WeightsPath = Guard.NotBlank(weightsPath, "weightsPath");
        CreatedAt = createdAt;
        Metrics = (metrics ?? ImmutableDictionary<string, double>.Empty)
            .ToImmutableSortedDictionary(StringComparer.Ordinal);
    }
}
