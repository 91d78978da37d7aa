namespace Pursearch.Index;

/// <summary>How a shard answered a query: a (filtered) HNSW walk, or an exact scan of the matching rows.</summary>
public enum QueryPlan
{
    Hnsw,
    Exact,
}

/// <summary>The names plans go by in answers and metrics.</summary>
public static class QueryPlanNames
{
    public static string Name(this QueryPlan plan) => plan switch
    {
        QueryPlan.Hnsw => "hnsw",
        QueryPlan.Exact => "exact",
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan, "unknown plan"),
    };
}
