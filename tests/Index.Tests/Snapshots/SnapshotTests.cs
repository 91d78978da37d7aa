using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Core.Search;
using Pursearch.Index.Snapshots;
using Pursearch.Index.Synthetic;

namespace Pursearch.Index.Tests.Snapshots;

public sealed class SnapshotTests : IDisposable
{
    private readonly string _root = Support.TempDirectory();
    private readonly SyntheticCatalog _catalog = Support.Catalog(2500);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Dir(string name) => Path.Combine(_root, name);

    private List<ShardQuery> Queries() =>
    [
        .. Enumerable.Range(0, 15).Select(_ => new ShardQuery(_catalog.SampleQuery())),
        .. Enumerable.Range(0, 5).Select(_ => new ShardQuery(_catalog.SampleQuery(PriceTier.Luxury)) { Filter = new SearchFilter(maxPrice: 100m) }),
        .. Enumerable.Range(0, 5).Select(_ => new ShardQuery(_catalog.SampleQuery()) { Filter = new SearchFilter(retailers: _catalog.RetailerSlugs(2)) }),
    ];

    private static List<(string Id, float Score, string Plan)> Answers(IndexShard shard, IEnumerable<ShardQuery> queries) =>
        queries.SelectMany(q =>
        {
            var answer = shard.Search(q);
            return answer.Hits.Select(h => (h.Product.Id.ToString() + "|" + h.Product, h.Score, answer.PlanName));
        }).ToList();

    [Fact]
    public void A_loaded_or_viewed_snapshot_answers_exactly_like_the_saved_shard()
    {
        using var shard = Support.Shard(_catalog);
        for (var i = 0; i < 100; i++)
            shard.Remove(_catalog.Records[i * 7].Product.Id);
        shard.Reprice(_catalog.Records[1].Product.Id, new Money(10m, "GBP"), Availability.PreOrder, sequence: 42);
        var queries = Queries();
        var expected = Answers(shard, queries);

        var manifest = shard.Save(Dir("s"));
        using var loaded = IndexShard.Open(Dir("s"), Support.Options());
        using var viewed = IndexShard.Open(Dir("s"), Support.Options(), SnapshotMode.View);

        Assert.Equal(42, manifest.Sequence);
        Assert.Equal(2400, manifest.Vectors);
        Assert.Equal((42, 2400), (loaded.Sequence, loaded.Count));
        Assert.Equal(expected, Answers(loaded, queries));
        Assert.Equal(expected, Answers(viewed, queries));
        Assert.Equal(shard.Find(_catalog.Records[1].Product.Id), viewed.Find(_catalog.Records[1].Product.Id));
    }

    [Fact]
    public void A_view_refuses_changes_and_a_load_accepts_them()
    {
        using (var shard = Support.Shard(_catalog))
            shard.Save(Dir("s"));
        using var viewed = IndexShard.Open(Dir("s"), Support.Options(), SnapshotMode.View);
        using var loaded = IndexShard.Open(Dir("s"), Support.Options());
        var extra = new ShardRecord(Support.Product("new:1"), Support.UnitVector(Support.Dimensions, 1));

        Assert.True(viewed.IsReadOnly);
        Assert.Throws<ShardReadOnlyException>(() => viewed.UpsertRange([extra]));
        Assert.Throws<ShardReadOnlyException>(() => viewed.Remove(_catalog.Records[0].Product.Id));
        Assert.Throws<ShardReadOnlyException>(() => viewed.Reprice(_catalog.Records[0].Product.Id, new Money(1m, "USD"), Availability.InStock));

        loaded.UpsertRange([extra]);
        loaded.Remove(_catalog.Records[0].Product.Id);
        Assert.Equal(2500, loaded.Count);
        Assert.Equal("new:1", loaded.Search(new ShardQuery(extra.Vector, 1)).Hits[0].Product.Id.ToString());
    }

    [Fact]
    public void An_older_snapshot_catches_up_from_the_change_log()
    {
        var log = new ChangeLog(_catalog);
        log.AppendUpserts(0, 2000);
        using var live = IndexShard.Create(Support.Options());
        live.ApplyChanges(log.Since(0));
        live.Save(Dir("old"));
        Assert.Equal(2000, live.Sequence);

        log.AppendUpserts(2000, 2500);
        log.AppendReprices(0, 300);
        log.AppendRemovals(300, 600);
        log.AppendUpserts(100, 200, shifted: true);
        Assert.Equal(500 + 300 + 300 + 100, live.ApplyChanges(log.Since(live.Sequence)));

        using var restored = IndexShard.Open(Dir("old"), Support.Options());
        Assert.Equal(2000, restored.Sequence);
        Assert.Equal(log.Since(2000).Count(), restored.ApplyChanges(log.Since(0)));

        Assert.Equal(live.Sequence, restored.Sequence);
        Assert.Equal(live.Count, restored.Count);
        Assert.All(_catalog.Records, r => Assert.Equal(live.Find(r.Product.Id), restored.Find(r.Product.Id)));
        var exact = Queries().Select(q => q with { Plan = QueryPlan.Exact }).ToList();
        Assert.Equal(Answers(live, exact), Answers(restored, exact));
        Assert.Equal(0, restored.ApplyChanges(log.Since(0)));
    }

    [Fact]
    public void Changes_out_of_order_are_refused()
    {
        using var shard = IndexShard.Create(Support.Options());
        var product = _catalog.Records[0];

        var error = Assert.Throws<DomainException>(() => shard.ApplyChanges(
        [
            new ShardChange.Upsert(5, product.Product, product.Vector),
            new ShardChange.Remove(4, product.Product.Id),
        ]));
        Assert.Equal("sequence", error.Field);
    }

    [Fact]
    public async Task A_shard_rebuilt_from_a_stream_equals_one_built_from_a_list()
    {
        using var built = IndexShard.Build(Support.Options(), _catalog.Records, sequence: 77, batchSize: 500);
        using var streamed = await IndexShard.BuildAsync(Support.Options(), Stream(_catalog.Records), sequence: 77, batchSize: 700);
        var exact = Queries().Select(q => q with { Plan = QueryPlan.Exact }).ToList();

        Assert.Equal((77, 2500), (streamed.Sequence, streamed.Count));
        Assert.Equal(Answers(built, exact), Answers(streamed, exact));
    }

    [Fact]
    public void Saving_again_replaces_the_snapshot_whole()
    {
        using var shard = Support.Shard(_catalog);
        shard.Save(Dir("s"));
        shard.Remove(_catalog.Records[0].Product.Id, sequence: 3);
        shard.Save(Dir("s"));

        using var loaded = IndexShard.Open(Dir("s"), Support.Options());

        Assert.Equal((3, 2499), (loaded.Sequence, loaded.Count));
        Assert.Equal(["s"], Directory.GetDirectories(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void Broken_or_mismatched_snapshots_fail_with_a_snapshot_error()
    {
        using (var shard = Support.Shard(_catalog))
            shard.Save(Dir("s"));
        foreach (var name in new[] { "corrupt", "nomanifest", "badgraph", "truncated" })
            CopyDirectory(Dir("s"), Dir(name));
        var columns = Path.Combine(Dir("corrupt"), "columns.bin");
        var bytes = File.ReadAllBytes(columns);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(columns, bytes);
        File.Delete(Path.Combine(Dir("nomanifest"), "manifest.json"));
        File.WriteAllBytes(Path.Combine(Dir("badgraph"), "graph.usearch"), new byte[100]);
        var graph = Path.Combine(Dir("truncated"), "graph.usearch");
        File.WriteAllBytes(graph, File.ReadAllBytes(graph)[..1000]);

        Assert.Throws<ShardSnapshotException>(() => IndexShard.Open(Dir("corrupt"), Support.Options()));
        Assert.Throws<ShardSnapshotException>(() => IndexShard.Open(Dir("nomanifest"), Support.Options()));
        Assert.Throws<ShardSnapshotException>(() => IndexShard.Open(Dir("badgraph"), Support.Options()));
        Assert.Throws<ShardSnapshotException>(() => IndexShard.Open(Dir("truncated"), Support.Options()));
        Assert.Throws<ShardSnapshotException>(() => IndexShard.Open(Dir("s"), Support.Options(32)));
        Assert.Throws<ShardSnapshotException>(() => IndexShard.Open(Dir("s"),
            Support.Options() with { Rates = new ExchangeRates(Currency.Eur, new Dictionary<string, decimal>()) }));
        Assert.Throws<ShardSnapshotException>(() => IndexShard.Open(Dir("none"), Support.Options()));
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    private static async IAsyncEnumerable<ShardRecord> Stream(IEnumerable<ShardRecord> records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }

    /// <summary>A stand-in for the store's change log: every write gets the next sequence number.</summary>
    private sealed class ChangeLog(SyntheticCatalog catalog)
    {
        private readonly List<ShardChange> _changes = [];

        private long Next => _changes.Count + 1;

        public IEnumerable<ShardChange> Since(long sequence) => _changes.Where(c => c.Sequence > sequence);

        public void AppendUpserts(int from, int to, bool shifted = false)
        {
            for (var i = from; i < to; i++)
            {
                var record = catalog.Records[i];
                var vector = shifted ? catalog.Records[(i + 1000) % catalog.Records.Count].Vector : record.Vector;
                _changes.Add(new ShardChange.Upsert(Next, record.Product, vector));
            }
        }

        public void AppendReprices(int from, int to)
        {
            for (var i = from; i < to; i++)
                _changes.Add(new ShardChange.Reprice(Next, catalog.Records[i].Product.Id,
                    new Money(5m + i, "EUR"), i % 2 == 0 ? Availability.InStock : Availability.OutOfStock));
        }

        public void AppendRemovals(int from, int to)
        {
            for (var i = from; i < to; i++)
                _changes.Add(new ShardChange.Remove(Next, catalog.Records[i].Product.Id));
        }
    }
}
