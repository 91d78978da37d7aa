using Pursearch.Indexer.Training.Features;

namespace Pursearch.Indexer.Training.Identification;

/// <summary>One region to embed and the class it should be identified as.</summary>
public sealed record IdentificationExample(ImageRegion Region, string ClassSlug);
