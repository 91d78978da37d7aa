namespace Pursearch.Index.Planning;

/// <summary>The planner's decision for one query.</summary>
internal readonly record struct PlanChoice(QueryPlan Plan, long EstimatedMatches, int Expansion, bool NeedsPredicate);

/// <summary>
/// Picks exact scan or HNSW from a filter's estimated matches. Few matches: scanning them exactly is both
/// cheaper and perfect. Many: a filtered walk (USearch tests the filter on every node it reaches and keeps
/// walking until it holds ef accepted ones, so it already passes over about 1/selectivity rejected nodes per
/// accepted one), widened a little more as the filter tightens, since accepted nodes then lie sparser and
/// further out.
/// </summary>
internal sealed class QueryPlanner(PlannerSettings settings)
{
    public PlannerSettings Settings { get; } = settings;

    public PlanChoice Choose(RowFilter filter, long estimatedMatches, int liveRows, ShardQuery query, int defaultExpansion)
    {
        var predicate = !filter.MatchesEverything;
        if (query.Plan is { } forced)
            return new PlanChoice(forced, estimatedMatches,
                forced == QueryPlan.Exact ? 0 : ExpansionFor(query, defaultExpansion, estimatedMatches, liveRows, predicate),
                predicate);
        if (filter.MatchesNothing || (predicate && estimatedMatches <= ExactLimit(liveRows)))
            return new PlanChoice(QueryPlan.Exact, estimatedMatches, 0, predicate);
        return new PlanChoice(QueryPlan.Hnsw, estimatedMatches,
            ExpansionFor(query, defaultExpansion, estimatedMatches, liveRows, predicate), predicate);
    }

    public long ExactLimit(int liveRows) =>
        Math.Min((long)Math.Floor(Settings.ExactShare * liveRows), Settings.ExactMaxRows);

    private int ExpansionFor(ShardQuery query, int defaultExpansion, long estimatedMatches, int liveRows, bool predicate)
    {
        if (query.Expansion is { } asked)
            return Math.Max(asked, query.K);
        if (!predicate || liveRows == 0)
            return Math.Max(defaultExpansion, query.K);
        var selectivity = Math.Clamp(estimatedMatches / (double)liveRows, 1e-6, 1);
        var widened = defaultExpansion * (1 + Settings.ExpansionGrowth * Math.Log2(1 / selectivity));
        return (int)Math.Clamp(Math.Ceiling(widened), query.K, Math.Max(query.K, Settings.MaxExpansion));
    }
}
