using Pursearch.Core;
using Pursearch.Core.Money;
using Pursearch.Core.Search;
using Pursearch.Index.Columns;
using Pursearch.Index.Planning;

namespace Pursearch.Index.Tests.Planning;

public sealed class QueryPlannerTests
{
    private static readonly float[] AnyVector = [1f];

    private static ShardColumns Columns(int rows)
    {
        var columns = new ShardColumns();
        for (var i = 0; i < rows; i++)
        {
            var availability = i % 10 == 0 ? Pursearch.Core.Catalog.Availability.OutOfStock : Pursearch.Core.Catalog.Availability.InStock;
            var product = Support.Product($"r{i % 20}:s{i}", 10m + i % 1000, brand: $"b{i % 5}", availability: availability);
            columns.Insert(product, (float)product.Price.Amount);
        }
        return columns;
    }

    private static (RowFilter Filter, long Estimate, long Actual) Estimated(ShardColumns columns, SearchFilter filter)
    {
        var compiled = RowFilter.Compile(filter, null, columns, ExchangeRates.Default);
        var actual = columns.LiveRows.Count(compiled.Matches);
        return (compiled, MatchEstimator.Estimate(compiled, columns), actual);
    }

    [Fact]
    public void Estimates_come_close_to_the_real_matches()
    {
        var columns = Columns(10_000);
        var filters = new[]
        {
            new SearchFilter(retailers: ["r1", "r2"], includeUnavailable: true),
            new SearchFilter(brands: ["b3"]),
            new SearchFilter(minPrice: 100m, maxPrice: 300m, includeUnavailable: true),
            new SearchFilter(maxPrice: 50m, retailers: ["r7"]),
        };
        foreach (var filter in filters)
        {
            var (_, estimate, actual) = Estimated(columns, filter);
            Assert.InRange(estimate, actual * 0.85 - 5, actual * 1.15 + 5);
        }
    }

    [Fact]
    public void Names_absent_from_the_shard_match_nothing()
    {
        var (filter, estimate, actual) = Estimated(Columns(100), new SearchFilter(retailers: ["nowhere"]));

        Assert.True(filter.MatchesNothing);
        Assert.Equal((0, 0), (estimate, actual));
    }

    [Fact]
    public void The_exact_threshold_is_a_share_of_the_shard_capped_in_rows()
    {
        var planner = new QueryPlanner(new PlannerSettings { ExactShare = 0.05, ExactMaxRows = 20_000 });

        Assert.Equal(5_000, planner.ExactLimit(100_000));
        Assert.Equal(20_000, planner.ExactLimit(1_000_000));
        Assert.Equal(0, planner.ExactLimit(0));
    }

    [Fact]
    public void Tighter_filters_get_wider_walks_and_forced_plans_are_kept()
    {
        var columns = Columns(10_000);
        var planner = new QueryPlanner(new PlannerSettings());
        var query = new ShardQuery(AnyVector);
        PlanChoice Choose(SearchFilter filter, ShardQuery? q = null)
        {
            var (compiled, estimate, _) = Estimated(columns, filter);
            return planner.Choose(compiled, estimate, columns.LiveCount, q ?? query, 128);
        }

        var open = Choose(new SearchFilter(includeUnavailable: true));
        var half = Choose(new SearchFilter(retailers: Enumerable.Range(0, 10).Select(i => $"r{i}"), includeUnavailable: true));
        var tenth = Choose(new SearchFilter(retailers: ["r1", "r2"], includeUnavailable: true));
        var tiny = Choose(new SearchFilter(retailers: ["r1"], brands: ["b1"], includeUnavailable: true));
        var forced = Choose(new SearchFilter(retailers: ["r1"], brands: ["b1"]), query with { Plan = QueryPlan.Hnsw, Expansion = 40 });

        Assert.Equal((QueryPlan.Hnsw, 128, false), (open.Plan, open.Expansion, open.NeedsPredicate));
        Assert.Equal((QueryPlan.Hnsw, true), (half.Plan, half.NeedsPredicate));
        Assert.Equal(QueryPlan.Hnsw, tenth.Plan);
        Assert.True(tenth.Expansion > half.Expansion && half.Expansion > open.Expansion);
        Assert.Equal(QueryPlan.Exact, tiny.Plan);
        Assert.Equal((QueryPlan.Hnsw, 40), (forced.Plan, forced.Expansion));
    }

    [Fact]
    public void Planner_settings_are_validated()
    {
        Assert.Throws<DomainException>(() => IndexShard.Create(new ShardOptions(8) { Planner = new PlannerSettings { ExactShare = 2 } }));
        Assert.Throws<DomainException>(() => IndexShard.Create(new ShardOptions(8) { Planner = new PlannerSettings { MaxExpansion = 0 } }));
        Assert.Throws<DomainException>(() => IndexShard.Create(new ShardOptions(8) { Planner = new PlannerSettings { ExpansionGrowth = -1 } }));
        Assert.Throws<DomainException>(() => IndexShard.Create(new ShardOptions(8) { Expansion = 0 }));
    }
}
