namespace Pursearch.Index;

/// <summary>One result: the product's display fields and its cosine similarity to the query.</summary>
public sealed record ShardHit(IndexedProduct Product, float Score);

/// <summary>A shard's answer: hits best first, and how it found them.</summary>
public sealed record ShardAnswer(IReadOnlyList<ShardHit> Hits, QueryPlan Plan, long EstimatedMatches, int Expansion)
{
    public string PlanName => Plan.Name();
}
