using Pursearch.Core.Versions;

namespace Pursearch.Indexer.Training;

/// <summary>
/// Whether a newly trained model goes live on its own: when nothing is live, or when it identifies better than the live
/// one by the same measure (held-out <c>identificationTop1</c> when both have it, else the validation figure). A model
/// over another embedding space needs a reindex first, so it is never promoted automatically.
/// </summary>
public static class PromotionPolicy
{
    public const string HeldOutMetric = "identificationTop1";
    public const string ValidationMetric = "validation.identificationTop1";

    public static (bool Promote, string Reason) Decide(ModelVersion candidate, ModelVersion? live)
    {
        if (live is null)
            return (true, "no model was live");
        if (live.EmbeddingSpaceId != candidate.EmbeddingSpaceId)
            return (false, $"live {live.Id} is over embedding space {live.EmbeddingSpaceId}: reindex, then promote explicitly");
        foreach (var metric in new[] { HeldOutMetric, ValidationMetric })
        {
            if (!candidate.Metrics.TryGetValue(metric, out var mine) || !live.Metrics.TryGetValue(metric, out var theirs))
                continue;
            return mine > theirs
                ? (true, $"{metric} {mine:0.000} beats live {live.Id}'s {theirs:0.000}")
                : (false, $"{metric} {mine:0.000} does not beat live {live.Id}'s {theirs:0.000}");
        }
        return (false, $"no metric to compare with live {live.Id}: promote explicitly");
    }
}
