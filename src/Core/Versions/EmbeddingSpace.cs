namespace Pursearch.Core.Versions;

/// <summary>Backbone + preprocessing + optional projection: vectors are only comparable within one space.</summary>
public sealed record EmbeddingSpace
{
    public string Id { get; }
    public string Backbone { get; }
    public string Preprocessing { get; }
    public string? Projection { get; }
    public int Dimensions { get; }

    public EmbeddingSpace(string id, string backbone, string preprocessing, int dimensions, string? projection = null)
    {
        Id = VersionId.Check(id, "embeddingSpace");
        Backbone = Guard.NotBlank(backbone, "backbone");
        Preprocessing = Guard.NotBlank(preprocessing, "preprocessing");
        Dimensions = dimensions is > 0 and <= 65536
            ? dimensions
            : throw new DomainException("dimensions", $"{dimensions} is out of range 1..65536");
        Projection = string.IsNullOrWhiteSpace(projection) ? null : projection.Trim();
    }
}
