namespace Pursearch.Index;

/// <summary>
/// Re-scores a shard's nearest candidates with knowledge the graph does not hold (for example whether the query and
/// the candidate look like the same brand and style); hits are then ordered by the new score. It must be
/// deterministic per candidate so that the answers of several shards merge consistently.
/// </summary>
public interface IHitRescorer
{
    /// <summary>How many nearest candidates (by cosine, after the filter) each shard re-scores.</summary>
    int Candidates { get; }

    float Rescore(float similarity, ReadOnlySpan<float> candidate);
}
