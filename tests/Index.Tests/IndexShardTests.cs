using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Core.Search;

namespace Pursearch.Index.Tests;

public sealed class IndexShardTests
{
    private const int Dims = 16;

    private static IndexShard Empty() => IndexShard.Create(Support.Options(Dims));

    private static ShardQuery Query(int seed, SearchFilter? filter = null, int k = 10) =>
        new(Support.UnitVector(Dims, seed), k) { Filter = filter ?? SearchFilter.None };

    [Fact]
    public void An_added_product_is_found_with_its_display_fields()
    {
        using var shard = Empty();
        var product = Support.Product("rue:r-1", 39.9m);
        shard.Upsert(product, Support.UnitVector(Dims, 1), sequence: 5);
        shard.Upsert(Support.Product("rue:r-2"), Support.UnitVector(Dims, 2));

        var answer = shard.Search(Query(1));

        Assert.Equal(2, shard.Count);
        Assert.Equal(5, shard.Sequence);
        Assert.True(shard.Contains(product.Id));
        Assert.Equal(product, answer.Hits[0].Product);
        Assert.InRange(answer.Hits[0].Score, 0.9999f, 1.0001f);
        Assert.Equal("Bag rue:r-1", answer.Hits[0].Product.Name);
        Assert.Equal(new Money(39.9m, "USD"), answer.Hits[0].Product.Price);
    }

    [Fact]
    public void Vectors_of_any_length_are_normalised_so_scores_are_cosines()
    {
        using var shard = Empty();
        var vector = Support.UnitVector(Dims, 3);
        shard.Upsert(Support.Product("rue:r-1"), vector.Select(v => v * 40).ToArray());

        var hit = shard.Search(new ShardQuery(vector.Select(v => v / 5).ToArray(), 1)).Hits.Single();

        Assert.InRange(hit.Score, 0.9999f, 1.0001f);
    }

    [Fact]
    public void Upserting_a_known_id_replaces_its_vector_and_fields()
    {
        using var shard = Empty();
        for (var i = 0; i < 50; i++)
            shard.Upsert(Support.Product($"rue:r-{i}"), Support.UnitVector(Dims, i));

        shard.Upsert(Support.Product("rue:r-7", 12m, brand: "New"), Support.UnitVector(Dims, 1000));

        Assert.Equal(50, shard.Count);
        var top = shard.Search(Query(1000)).Hits[0];
        Assert.Equal("rue:r-7", top.Product.Id.ToString());
        Assert.Equal("New", top.Product.Brand);
        Assert.DoesNotContain(shard.Search(Query(7)).Hits.Take(1), h => h.Score > 0.999f);
    }

    [Fact]
    public void Repricing_changes_filters_and_display_but_not_the_vector()
    {
        using var shard = Empty();
        var id = ProductId.Parse("rue:r-1");
        shard.Upsert(Support.Product("rue:r-1", 500m), Support.UnitVector(Dims, 1));
        shard.Upsert(Support.Product("rue:r-2", 50m), Support.UnitVector(Dims, 2));
        var cheap = new SearchFilter(maxPrice: 100m);

        Assert.DoesNotContain(shard.Search(Query(1, cheap)).Hits, h => h.Product.Id == id);
        Assert.True(shard.Reprice(id, new Money(80m, "EUR"), Availability.InStock, sequence: 9));

        var hit = shard.Search(Query(1, cheap)).Hits[0];
        Assert.Equal(id, hit.Product.Id);
        Assert.Equal(new Money(80m, "EUR"), hit.Product.Price);
        Assert.InRange(hit.Score, 0.9999f, 1.0001f);
        Assert.Equal(9, shard.Sequence);

        shard.Reprice(id, new Money(80m, "EUR"), Availability.OutOfStock);
        Assert.DoesNotContain(shard.Search(Query(1, cheap)).Hits, h => h.Product.Id == id);
        Assert.Contains(shard.Search(Query(1, new SearchFilter(includeUnavailable: true))).Hits, h => h.Product.Id == id);
        Assert.False(shard.Reprice(ProductId.Parse("rue:none"), new Money(1m, "USD"), Availability.InStock));
    }

    [Fact]
    public void Removed_products_are_never_returned()
    {
        using var shard = Empty();
        for (var i = 0; i < 100; i++)
            shard.Upsert(Support.Product($"rue:r-{i}"), Support.UnitVector(Dims, i));

        Assert.True(shard.Remove(ProductId.Parse("rue:r-3")));
        Assert.False(shard.Remove(ProductId.Parse("rue:r-3")));

        Assert.Equal(99, shard.Count);
        Assert.Null(shard.Find(ProductId.Parse("rue:r-3")));
        foreach (var plan in new[] { QueryPlan.Hnsw, QueryPlan.Exact })
            Assert.DoesNotContain(shard.Search(Query(3) with { K = 99, Plan = plan }).Hits,
                h => h.Product.Id.Sku == "r-3");
    }

    [Fact]
    public void Freed_rows_are_reused_by_later_adds()
    {
        using var shard = Empty();
        for (var i = 0; i < 20; i++)
            shard.Upsert(Support.Product($"rue:r-{i}"), Support.UnitVector(Dims, i));
        for (var i = 0; i < 10; i++)
            shard.Remove(ProductId.Parse($"rue:r-{i}"));
        for (var i = 100; i < 110; i++)
            shard.Upsert(Support.Product($"rue:r-{i}"), Support.UnitVector(Dims, i));

        Assert.Equal(20, shard.Count);
        Assert.Equal("rue:r-105", shard.Search(Query(105) with { Plan = QueryPlan.Hnsw }).Hits[0].Product.Id.ToString());
        Assert.Equal("rue:r-105", shard.Search(Query(105) with { Plan = QueryPlan.Exact }).Hits[0].Product.Id.ToString());
        Assert.Equal(20, shard.Search(Query(1) with { K = 50, Plan = QueryPlan.Exact }).Hits.Count);
    }

    [Fact]
    public void Every_plan_returns_only_products_that_pass_the_filter()
    {
        var catalog = Support.Catalog(2000);
        using var shard = Support.Shard(catalog);
        var filters = new[]
        {
            new SearchFilter(maxPrice: 100m),
            new SearchFilter(minPrice: 500m, currency: Currency.Eur),
            new SearchFilter(retailers: catalog.RetailerSlugs(30)),
            new SearchFilter(brands: ["maison-01", "look-03"], includeUnavailable: true),
            new SearchFilter(minPrice: 100m, maxPrice: 400m, styles: [catalog.Records[0].Product.Style]),
        };
        foreach (var filter in filters)
            foreach (var plan in new QueryPlan?[] { null, QueryPlan.Hnsw, QueryPlan.Exact })
            {
                var answer = shard.Search(new ShardQuery(catalog.SampleQuery(), 20) { Filter = filter, Plan = plan });
                Assert.NotEmpty(answer.Hits);
                Assert.All(answer.Hits, h => Assert.True(Support.Passes(h.Product, filter, ExchangeRates.Default),
                    $"{h.Product.Id} {h.Product.Price} {h.Product.Availability} fails {filter}"));
                Assert.Equal(answer.Hits.OrderByDescending(h => h.Score), answer.Hits);
            }
    }

    [Fact]
    public void The_exact_plan_returns_the_true_top_k()
    {
        var catalog = Support.Catalog(2000);
        using var shard = Support.Shard(catalog);
        var filter = new SearchFilter(retailers: catalog.RetailerSlugs(3));

        for (var q = 0; q < 10; q++)
        {
            var query = catalog.SampleQuery();
            var answer = shard.Search(new ShardQuery(query) { Filter = filter });
            var truth = Support.BruteForce(catalog.Records, query, 10, p => Support.Passes(p, filter, ExchangeRates.Default));

            Assert.Equal(QueryPlan.Exact, answer.Plan);
            Assert.Equal(truth, answer.Hits.Select(h => h.Product.Id.ToString()));
        }
    }

    [Fact]
    public void The_planner_scans_selective_filters_and_walks_broad_ones()
    {
        var catalog = Support.Catalog(4000);
        using var shard = Support.Shard(catalog);

        ShardAnswer Ask(SearchFilter filter) => shard.Search(new ShardQuery(catalog.SampleQuery()) { Filter = filter });

        var broad = Ask(new SearchFilter(retailers: catalog.RetailerSlugs(50)));
        var selective = Ask(new SearchFilter(retailers: catalog.RetailerSlugs(4)));
        var unknown = Ask(new SearchFilter(brands: ["No Such Brand"]));
        var open = Ask(new SearchFilter(includeUnavailable: true));

        Assert.Equal(("hnsw", "exact", "exact", "hnsw"), (broad.PlanName, selective.PlanName, unknown.PlanName, open.PlanName));
        Assert.InRange(broad.EstimatedMatches, 1600, 2000);
        Assert.InRange(selective.EstimatedMatches, 120, 170);
        Assert.Empty(unknown.Hits);
        Assert.Equal(4000, open.EstimatedMatches);
        Assert.True(broad.Expansion > open.Expansion, $"filtered walk {broad.Expansion} vs open {open.Expansion}");
    }

    [Fact]
    public void A_family_can_be_left_out_of_similar_products()
    {
        using var shard = Empty();
        shard.Upsert(Support.Product("rue:a-red", family: "a"), Support.UnitVector(Dims, 1));
        shard.Upsert(Support.Product("rue:a-blue", family: "a"), Support.UnitVector(Dims, 1).Select(v => v + 0.01f).ToArray());
        shard.Upsert(Support.Product("kin:a", family: "a"), Support.UnitVector(Dims, 2));
        shard.Upsert(Support.Product("rue:b"), Support.UnitVector(Dims, 3));

        var hits = shard.Search(Query(1) with { ExcludeFamily = new ProductFamily("rue", "a") }).Hits;

        Assert.Equal(["kin:a", "rue:b"], hits.Select(h => h.Product.Id.ToString()).Order());
    }

    [Fact]
    public void Bad_input_gets_a_typed_error_and_changes_nothing()
    {
        using var shard = Empty();
        shard.Upsert(Support.Product("rue:r-1"), Support.UnitVector(Dims, 1));

        Assert.Throws<DomainException>(() => shard.Upsert(Support.Product("rue:r-2"), new float[Dims + 1]));
        Assert.Throws<DomainException>(() => shard.Upsert(Support.Product("rue:r-2"), new float[Dims]));
        Assert.Throws<DomainException>(() => shard.Upsert(Support.Product("rue:r-2"),
            Enumerable.Repeat(float.NaN, Dims).ToArray()));
        Assert.Throws<DomainException>(() => shard.Upsert(Support.Product("rue:r-2", currency: "SEK"),
            Support.UnitVector(Dims, 2)));
        Assert.Throws<DomainException>(() => shard.UpsertRange(
            [new ShardRecord(Support.Product("rue:r-3"), Support.UnitVector(Dims, 3)),
             new ShardRecord(Support.Product("rue:r-4"), new float[3])]));
        Assert.Throws<DomainException>(() => shard.Search(Query(1, k: 0)));
        Assert.Throws<DomainException>(() => shard.Search(Query(1) with { Expansion = 0 }));
        Assert.Throws<DomainException>(() => shard.Search(new ShardQuery(new float[Dims])));
        Assert.Throws<DomainException>(() => shard.Search(Query(1, new SearchFilter(maxPrice: 5m, currency: new Currency("SEK")))));
        Assert.Throws<DomainException>(() => new IndexedProduct(ProductId.Parse("rue:x"), " ", "n", new Money(1m, "USD"), "https://a.example/"));
        Assert.Throws<DomainException>(() => IndexShard.Create(new ShardOptions(Dims) { BuildThreads = 0 }));

        Assert.Equal(1, shard.Count);
    }

    [Fact]
    public void A_bulk_add_runs_in_parallel_and_keeps_the_last_record_of_an_id()
    {
        var catalog = Support.Catalog(3000);
        using var shard = IndexShard.Create(Support.Options() with { BuildThreads = 2 });
        var replaced = catalog.Records[10] with { Product = catalog.Records[10].Product.WithListing(new Money(1m, "USD"), Availability.InStock) };

        shard.UpsertRange([.. catalog.Records, replaced]);

        Assert.Equal(3000, shard.Count);
        Assert.Equal(new Money(1m, "USD"), shard.Find(replaced.Product.Id)!.Price);
        var query = catalog.Records[123].Vector;
        Assert.Equal(catalog.Records[123].Product.Id, shard.Search(new ShardQuery(query) { Filter = new SearchFilter(includeUnavailable: true) }).Hits[0].Product.Id);
    }

    [Fact]
    public void Changes_apply_in_order_and_a_bad_edit_stops_its_run_before_it_starts()
    {
        using var shard = Empty();
        var a = Support.Product("rue:a");
        var b = Support.Product("rue:b");

        var applied = shard.ApplyChanges(
        [
            new ShardChange.Upsert(1, a, Support.UnitVector(Dims, 1)),
            new ShardChange.Upsert(2, b, Support.UnitVector(Dims, 2)),
            new ShardChange.Reprice(3, a.Id, new Money(7m, "GBP"), Availability.PreOrder),
            new ShardChange.Remove(4, b.Id),
            new ShardChange.Upsert(5, b, Support.UnitVector(Dims, 5)),
        ]);

        Assert.Equal((5, 5, 2), (applied, shard.Sequence, shard.Count));
        Assert.Equal((new Money(7m, "GBP"), Availability.PreOrder), (shard.Find(a.Id)!.Price, shard.Find(a.Id)!.Availability));
        Assert.InRange(shard.Search(Query(5, k: 1)).Hits[0].Score, 0.9999f, 1.0001f);

        Assert.Throws<DomainException>(() => shard.ApplyChanges(
        [
            new ShardChange.Remove(6, a.Id),
            new ShardChange.Reprice(7, b.Id, new Money(1m, "SEK"), Availability.InStock),
        ]));
        Assert.True(shard.Contains(a.Id));
        Assert.Equal(5, shard.Sequence);
    }

    [Fact]
    public void A_half_precision_shard_finds_the_same_products()
    {
        var catalog = Support.Catalog(1500);
        var half = Support.Options() with { Graph = Support.Options().Graph with { Precision = Pursearch.Index.Native.VectorPrecision.F16 } };
        using var full = Support.Shard(catalog);
        using var compact = Support.Shard(catalog, half);
        var queries = Enumerable.Range(0, 20).Select(_ => new ShardQuery(catalog.SampleQuery()) { Filter = new SearchFilter(includeUnavailable: true) }).ToList();

        var overlap = queries.Average(q => Support.Recall(
            full.Search(q).Hits.Select(h => h.Product.Id.ToString()).ToList(), compact.Search(q).Hits));

        Assert.True(overlap >= 0.95, $"f16 agrees with f32 on {overlap:P0} of the top 10");
        Assert.Equal(Pursearch.Index.Native.VectorPrecision.F16, compact.Options.Graph.Precision);
    }

    [Fact]
    public void Memory_is_reported_per_vector()
    {
        var catalog = Support.Catalog(2000);
        using var shard = Support.Shard(catalog);

        var memory = shard.MeasureMemory();

        Assert.Equal(2000, memory.Vectors);
        Assert.True(memory.NativeBytesPerVector > Support.Dimensions * 4, $"{memory.NativeBytesPerVector}");
        Assert.True(memory.ListingBytes > 2000 * 100);
        Assert.Equal(memory.TotalBytes / 2000.0, memory.BytesPerVector);
    }
}
