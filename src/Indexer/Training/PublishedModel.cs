using Pursearch.Core.Versions;

namespace Pursearch.Indexer.Training;

/// <summary>A registered model version, where its weights are, and whether (and why or why not) it went live.</summary>
public sealed record PublishedModel(ModelVersion Model, string Directory, bool Promoted, string PromotionReason);
