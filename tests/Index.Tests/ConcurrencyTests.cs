using System.Diagnostics;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Core.Search;
using Xunit.Abstractions;

namespace Pursearch.Index.Tests;

public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public void Queries_during_adds_removes_and_reprices_never_fail_nor_return_removed_products()
    {
        var catalog = Support.Catalog(4000, seed: 11);
        var records = catalog.Records;
        var indexOf = records.Select((r, i) => (r.Product.Id, i)).ToDictionary(x => x.Id, x => x.i);
        // removedAt[i] is the number of removals completed once product i's removal returned (0: never removed).
        var removedAt = new long[records.Count];
        long completedRemovals = 0;
        using var shard = IndexShard.Build(Support.Options() with { BuildThreads = 2 }, records.Take(2000));
        var deadline = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(3);
        var violations = new List<string>();
        var queriesRun = 0;

        void Write()
        {
            var removeNext = 0;
            var addNext = 2000;
            var random = new Random(1);
            while (deadline.Elapsed < duration && removeNext < 1000)
            {
                for (var i = 0; i < 10; i++, removeNext++)
                {
                    shard.Remove(records[removeNext].Product.Id);
                    removedAt[removeNext] = Interlocked.Increment(ref completedRemovals);
                }
                if (addNext < records.Count)
                {
                    shard.UpsertRange(records.Skip(addNext).Take(100).ToList());
                    addNext += 100;
                }
                var repriced = records[1000 + random.Next(1000)].Product.Id;
                shard.Reprice(repriced, new Money(random.Next(10, 5000), "USD"), Availability.InStock);
                // Writers take the write lock, which readers yield to; leave the queries room between changes.
                Thread.Sleep(2);
            }
        }

        void Query(int seed)
        {
            var random = new Random(seed);
            var filters = new[]
            {
                new SearchFilter(includeUnavailable: true), SearchFilter.None, new SearchFilter(maxPrice: 150m),
                new SearchFilter(retailers: catalog.RetailerSlugs(3)),
            };
            while (deadline.Elapsed < duration)
            {
                var before = Interlocked.Read(ref completedRemovals);
                var query = new ShardQuery(records[random.Next(records.Count)].Vector, 20)
                {
                    Filter = filters[random.Next(filters.Length)],
                    Plan = random.Next(3) switch { 0 => QueryPlan.Exact, 1 => QueryPlan.Hnsw, _ => null },
                };
                foreach (var hit in shard.Search(query).Hits)
                {
                    var removed = Interlocked.Read(ref removedAt[indexOf[hit.Product.Id]]);
                    if (removed != 0 && removed <= before)
                        lock (violations)
                            violations.Add($"{hit.Product.Id} removed at {removed}, query began after {before}");
                }
                Interlocked.Increment(ref queriesRun);
            }
        }

        Parallel.Invoke(Write, () => Query(1), () => Query(2));
        output.WriteLine($"{queriesRun} queries beside {completedRemovals} removals and {shard.Count} products at the end");

        Assert.Empty(violations);
        Assert.True(queriesRun >= 20, $"only {queriesRun} queries ran");
        Assert.True(completedRemovals >= 20, $"only {completedRemovals} removals ran");
        Assert.Equal(shard.Count, 2000 - (int)completedRemovals + Math.Min(2000, (int)(completedRemovals / 10 * 100)));
    }
}
