using System.Diagnostics;
using Cloud.Unum.USearch;
using Pursearch.Core.Money;
using Pursearch.Core.Search;
using Pursearch.Index;
using Pursearch.Index.Native;
using Pursearch.Index.Snapshots;
using Pursearch.Index.Synthetic;

namespace Pursearch.Bench.Index;

/// <summary>
/// <c>pursearch bench index</c>: one shard against raw USearch (the Cloud.Unum.USearch wrapper) in the same run,
/// on a synthetic catalog with real structure (low-rank clusters plus noise, prices tied to clusters).
/// Queries run on the shard reopened from its snapshot and raw USearch loads the same graph file, so both
/// search identical bytes laid out alike and the query ratio measures the shard's own overhead. (A graph
/// grown in memory is laid out differently from a loaded one and searches measurably slower; the freshly
/// built shard is timed beside them for that reason.)
/// </summary>
public sealed class IndexBenchmark : IDisposable
{
    private const int K = 10;
    private const int PostFilterCount = 256;
    private const int ForcedPlanQueries = 50;
    private static readonly int[] Expansions = [64, 128, 256];
    private static readonly double[] Selectivities = [0.5, 0.1, 0.01, 0.001];
    private static readonly SearchFilter Everything = new(includeUnavailable: true);

    private readonly IndexBenchmarkOptions _options;
    private readonly Action<string> _log;
    private readonly SyntheticCatalog _catalog;
    private readonly IReadOnlyList<float[]> _queries;
    private readonly GroundTruth _truth;
    private readonly Dictionary<string, int> _indexOf;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"pursearch-bench-index-{Guid.NewGuid():N}");
    private IndexShard? _built;
    private IndexShard? _served;
    private USearchIndex? _rawSameGraph;
    private USearchIndex? _rawOwnGraph;

    private IndexBenchmark(IndexBenchmarkOptions options, Action<string> log)
    {
        _options = options;
        _log = log;
        var defaults = new ShardOptions(options.Dimensions);
        ShardOptions = defaults with { Graph = defaults.Graph with { Precision = options.Precision } };
        _log($"generating {options.Vectors} x {options.Dimensions} vectors (low-rank clusters + noise) and {options.Queries} queries");
        _catalog = SyntheticCatalog.Generate(new SyntheticCatalogSpec(options.Vectors, options.Dimensions, options.Seed));
        _queries = Enumerable.Range(0, options.Queries).Select(_ => _catalog.SampleQuery()).ToList();
        _indexOf = _catalog.Records.Select((r, i) => (r.Product.Id.ToString(), i)).ToDictionary(x => x.Item1, x => x.i);
        _log("computing exact neighbours");
        _truth = new GroundTruth(_catalog.Records, _queries);
    }

    private IndexShard Shard => _served ?? throw new InvalidOperationException("the shard is not reopened yet");
    private IndexShard Built => _built ?? throw new InvalidOperationException("the shard is not built yet");
    private USearchIndex RawSameGraph => _rawSameGraph ?? throw new InvalidOperationException("the raw index is not loaded yet");
    private ShardOptions ShardOptions { get; }

    public static IndexBenchmarkResult Run(IndexBenchmarkOptions options, Action<string>? log = null)
    {
        using var benchmark = new IndexBenchmark(options, log ?? (_ => { }));
        return benchmark.Measure();
    }

    public void Dispose()
    {
        _built?.Dispose();
        _served?.Dispose();
        _rawSameGraph?.Dispose();
        _rawOwnGraph?.Dispose();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private IndexBenchmarkResult Measure()
    {
        var build = MeasureBuild();
        var memory = Built.MeasureMemory();
        var snapshot = MeasureSnapshot();
        var unfiltered = Expansions.Append(ShardOptions.Expansion).Distinct().Order().Select(MeasureUnfiltered).ToList();
        _built?.Dispose();
        _built = null;
        var filtered = Selectivities.Select(MeasureSelectivity).ToList();
        var adversarial = MeasureAdversarial();
        var deletes = MeasureDeletes();
        var atDefault = unfiltered.First(u => u.Ef == ShardOptions.Expansion);
        var result = new IndexBenchmarkResult(_options.Vectors, _options.Dimensions, _options.Queries,
            _options.Precision.ToString().ToLowerInvariant(), ShardOptions.BuildThreads, ShardOptions.Expansion,
            build.ShardVectorsPerSecond / build.RawVectorsPerSecond, atDefault.QueryRatio, atDefault.RecallAt10,
            memory.BytesPerVector, build, unfiltered, filtered, adversarial, deletes, MemoryOf(memory), snapshot, []);
        return result with { Checks = Checks(result) };
    }

    private MemoryMeasurement MemoryOf(ShardMemory memory) => new(
        memory.NativeBytesPerVector,
        memory.ColumnBytes / (double)memory.Vectors,
        memory.ListingBytes / (double)memory.Vectors,
        new FileInfo(Path.Combine(_directory, "graph.usearch")).Length / (double)memory.Vectors,
        "USearch's own storage via usearch_get (no second copy)");

    private BuildMeasurement MeasureBuild()
    {
        var prefix = Math.Min(_options.SameThreadsVectors, _options.Vectors);
        _log($"single-thread build of {prefix} vectors: raw add and the shard with one thread, batch by batch in turn");
        double rawPrefix, shardPrefix;
        using (var rawPrefixIndex = NewRaw())
        using (var oneThread = IndexShard.Create(ShardOptions with { BuildThreads = 1 }))
            (rawPrefix, shardPrefix) = BuildInTurns(rawPrefixIndex, oneThread, prefix, batch: 1000);

        _log($"full build of {_options.Vectors} vectors: raw USearchIndex.Add (sequential) and the shard's parallel bulk add ({ShardOptions.BuildThreads} threads), batch by batch in turn");
        _rawOwnGraph = NewRaw();
        _built = IndexShard.Create(ShardOptions);
        var (raw, shard) = BuildInTurns(_rawOwnGraph, _built, _options.Vectors, batch: 5000);
        return new BuildMeasurement(raw, shard, ShardOptions.BuildThreads, prefix, rawPrefix, shardPrefix,
            shardPrefix / rawPrefix);
    }

    /// <summary>
    /// Adds the first <paramref name="count"/> records to both contenders, alternating batches, so whatever else
    /// runs on the machine slows both alike; returns vectors per second of each.
    /// </summary>
    private (double Raw, double Shard) BuildInTurns(USearchIndex raw, IndexShard shard, int count, int batch)
    {
        var rawTime = TimeSpan.Zero;
        var shardTime = TimeSpan.Zero;
        for (var from = 0; from < count; from += batch)
        {
            var records = _catalog.Records.Skip(from).Take(Math.Min(batch, count - from)).ToList();
            var keys = Enumerable.Range(from, records.Count).Select(i => (ulong)i).ToArray();
            var vectors = records.Select(r => r.Vector).ToArray();
            var clock = Stopwatch.StartNew();
            raw.Add(keys, vectors);
            rawTime += clock.Elapsed;
            clock.Restart();
            shard.UpsertRange(records);
            shardTime += clock.Elapsed;
        }
        return (count / rawTime.TotalSeconds, count / shardTime.TotalSeconds);
    }

    private USearchIndex NewRaw()
    {
        var graph = ShardOptions.Graph;
        return new USearchIndex(MetricKind.Cos,
            _options.Precision == VectorPrecision.F16 ? ScalarKind.Float16 : ScalarKind.Float32,
            (ulong)_options.Dimensions, (ulong)graph.Connectivity, (ulong)graph.ExpansionAdd, 64);
    }

    private SnapshotMeasurement MeasureSnapshot()
    {
        _log("snapshot: save, load, view; raw USearch loads the same graph file");
        var clock = Stopwatch.StartNew();
        Built.Save(_directory);
        var save = clock.Elapsed.TotalSeconds;
        clock.Restart();
        _served = IndexShard.Open(_directory, ShardOptions);
        var load = clock.Elapsed.TotalSeconds;
        clock.Restart();
        using var view = IndexShard.Open(_directory, ShardOptions, SnapshotMode.View);
        var viewMs = clock.Elapsed.TotalMilliseconds;
        var sample = _queries.Take(50).Select(q => new ShardQuery(q, K)).ToList();
        var identical = sample.All(q => Same(Built.Search(q), view.Search(q)) && Same(Built.Search(q), Shard.Search(q)));
        _rawSameGraph = new USearchIndex(Path.Combine(_directory, "graph.usearch"));
        CheckKeysAreRecordIndices();
        return new SnapshotMeasurement(save, load, viewMs, identical);
    }

    private static bool Same(ShardAnswer a, ShardAnswer b) =>
        a.Hits.Select(h => (h.Product, h.Score)).SequenceEqual(b.Hits.Select(h => (h.Product, h.Score)));

    /// <summary>A fresh shard numbers rows in the order records arrive; recall of raw results relies on it.</summary>
    private void CheckKeysAreRecordIndices()
    {
        var tolerance = _options.Precision == VectorPrecision.F16 ? 2e-3f : 1e-6f;
        for (var i = 0; i < _options.Vectors; i += Math.Max(1, _options.Vectors / 50))
        {
            RawSameGraph.Get((ulong)i, out float[] stored);
            var expected = _catalog.Records[i].Vector;
            if (stored.Select((v, d) => Math.Abs(v - expected[d])).Max() > tolerance)
                throw new InvalidOperationException($"graph key {i} does not hold record {i}: the comparison would be wrong");
        }
    }

    private UnfilteredMeasurement MeasureUnfiltered(int ef)
    {
        _log($"unfiltered queries at ef {ef}");
        var shardRecall = _queries.Select((q, i) => GroundTruth.Recall(_truth.TopK(i, K),
            Rows(Shard.Search(new ShardQuery(q, K) { Filter = Everything, Expansion = ef })))).Average();
        var rawRecall = _queries.Select((q, i) => GroundTruth.Recall(_truth.TopK(i, K), RawTop(RawSameGraph, q, ef))).Average();
        var ownRecall = _queries.Select((q, i) => GroundTruth.Recall(_truth.TopK(i, K), RawTop(_rawOwnGraph!, q, ef))).Average();
        var qps = Throughput.BestQps(_options.Passes, _queries.Count,
            i => Shard.Search(new ShardQuery(_queries[i], K) { Filter = Everything, Expansion = ef }),
            i => RawSameGraph.Search(_queries[i], ef, out ulong[] _, out float[] _),
            i => Built.Search(new ShardQuery(_queries[i], K) { Filter = Everything, Expansion = ef }));
        return new UnfilteredMeasurement(ef, shardRecall, qps[0], rawRecall, qps[1], qps[0] / qps[1], ownRecall, qps[2]);
    }

    private FilteredMeasurement MeasureSelectivity(double selectivity)
    {
        var slugs = _catalog.RetailerSlugs((int)Math.Round(selectivity * 1000)).ToHashSet();
        var admitted = _catalog.Records.Select(r => slugs.Contains(r.Product.Id.Retailer)).ToArray();
        return MeasureFilter($"retailers {selectivity:P1}", _queries, _truth,
            new SearchFilter(retailers: slugs, includeUnavailable: true), admitted);
    }

    private FilteredMeasurement MeasureAdversarial()
    {
        var queries = Enumerable.Range(0, _options.Queries).Select(_ => _catalog.SampleQuery(PriceTier.Luxury)).ToList();
        var filter = new SearchFilter(maxPrice: 100m);
        var admitted = _catalog.Records.Select(r => r.Product.Availability is Pursearch.Core.Catalog.Availability.InStock or Pursearch.Core.Catalog.Availability.PreOrder
            && ExchangeRates.Default.Convert(r.Product.Price, Currency.Usd).Amount <= 100m).ToArray();
        return MeasureFilter("near luxury, max $100", queries, new GroundTruth(_catalog.Records, queries), filter, admitted);
    }

    private FilteredMeasurement MeasureFilter(string name, IReadOnlyList<float[]> queries, GroundTruth truth,
        SearchFilter filter, bool[] admitted)
    {
        _log($"filtered queries: {name}");
        var matches = admitted.LongCount(a => a);
        var answers = queries.Select(q => Shard.Search(new ShardQuery(q, K) { Filter = filter })).ToList();
        var recall = answers.Select((a, i) => GroundTruth.Recall(truth.TopK(i, K, r => admitted[r]), Rows(a))).Average();
        var plans = answers.Select(a => a.PlanName).Distinct().ToList();
        var qps = Throughput.BestQps(_options.Passes, queries.Count, i => Shard.Search(new ShardQuery(queries[i], K) { Filter = filter }))[0];
        var forced = Math.Min(ForcedPlanQueries, queries.Count);
        var hnswRecall = Enumerable.Range(0, forced).Select(i => GroundTruth.Recall(truth.TopK(i, K, r => admitted[r]),
            Rows(Shard.Search(new ShardQuery(queries[i], K) { Filter = filter, Plan = QueryPlan.Hnsw })))).Average();
        var forcedQps = Throughput.BestQps(_options.Passes, forced,
            i => Shard.Search(new ShardQuery(queries[i], K) { Filter = filter, Plan = QueryPlan.Hnsw }),
            i => Shard.Search(new ShardQuery(queries[i], K) { Filter = filter, Plan = QueryPlan.Exact }));
        var postFilter = queries.Select((q, i) => GroundTruth.Recall(truth.TopK(i, K, r => admitted[r]),
            RawTop(RawSameGraph, q, PostFilterCount, r => admitted[r]))).Average();
        return new FilteredMeasurement(name, matches / (double)_options.Vectors, matches, answers[0].EstimatedMatches,
            string.Join("+", plans), answers[0].Expansion, recall, qps, hnswRecall, forcedQps[0], forcedQps[1], postFilter);
    }

    private DeleteMeasurement MeasureDeletes()
    {
        var random = new Random(_options.Seed);
        var deleted = new bool[_options.Vectors];
        var victims = Enumerable.Range(0, _options.Vectors).Where(_ => random.NextDouble() < 0.2).ToList();
        _log($"deleting {victims.Count} vectors (20 %)");
        var rate = Throughput.PerSecond(victims.Count, () =>
        {
            foreach (var victim in victims)
                Shard.Remove(_catalog.Records[victim].Product.Id);
        });
        foreach (var victim in victims)
            deleted[victim] = true;
        var answers = _queries.Select(q => Rows(Shard.Search(new ShardQuery(q, K) { Filter = Everything })).ToList()).ToList();
        var recall = answers.Select((rows, i) => GroundTruth.Recall(_truth.TopK(i, K, r => !deleted[r]), rows)).Average();
        return new DeleteMeasurement(victims.Count, rate, recall, answers.Sum(rows => rows.Count(r => deleted[r])));
    }

    private IEnumerable<int> Rows(ShardAnswer answer) => answer.Hits.Select(h => _indexOf[h.Product.Id.ToString()]);

    private static IEnumerable<int> RawTop(USearchIndex raw, float[] query, int count, Func<int, bool>? admits = null)
    {
        var found = raw.Search(query, count, out ulong[] keys, out float[] _);
        return keys.Take(found).Select(k => (int)k).Where(r => admits?.Invoke(r) ?? true).Take(K);
    }

    private static List<Check> Checks(IndexBenchmarkResult r) =>
    [
        new("build >= 0.9x raw add", r.BuildRatio >= 0.9,
            $"{r.BuildRatio:0.00}x ({r.Build.ShardThreads} threads vs the wrapper's sequential add)"),
        new("build on one thread >= 0.9x raw add", r.Build.SameThreadsRatio >= 0.9, $"{r.Build.SameThreadsRatio:0.00}x"),
        new("queries/s >= 0.9x raw at equal ef", r.Unfiltered.All(u => u.QueryRatio >= 0.9),
            string.Join(", ", r.Unfiltered.Select(u => $"ef {u.Ef}: {u.QueryRatio:0.00}x"))),
        new("unfiltered recall@10 >= 0.95 at default ef", r.RecallAt10 >= 0.95, $"{r.RecallAt10:0.000} at ef {r.DefaultExpansion}"),
        new("filtered recall@10 >= 0.99 at every selectivity", r.Filtered.All(f => f.RecallAt10 >= 0.99),
            string.Join(", ", r.Filtered.Select(f => $"{f.Selectivity:P1}: {f.RecallAt10:0.000}"))),
        new("HNSW chosen at >= 10 %", r.Filtered.Where(f => f.Selectivity >= 0.099).All(f => f.Plan == "hnsw"),
            string.Join(", ", r.Filtered.Select(f => $"{f.Selectivity:P1}: {f.Plan}"))),
        new("adversarial filter recall@10 >= 0.99", r.Adversarial.RecallAt10 >= 0.99, $"{r.Adversarial.RecallAt10:0.000} ({r.Adversarial.Plan})"),
        new("recall after deleting 20 % >= 0.95, no deleted id returned",
            r.AfterDeletes.RecallAt10 >= 0.95 && r.AfterDeletes.DeletedReturned == 0,
            $"{r.AfterDeletes.RecallAt10:0.000}, {r.AfterDeletes.DeletedReturned} deleted returned"),
        new("snapshot answers identical", r.Snapshot.IdenticalAnswers, $"view opened in {r.Snapshot.ViewMilliseconds:0.0} ms"),
    ];
}
