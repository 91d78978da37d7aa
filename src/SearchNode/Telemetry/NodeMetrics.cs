using System.Diagnostics.Metrics;
using Pursearch.SearchNode.Shards;

namespace Pursearch.SearchNode.Telemetry;

/// <summary>
/// The node's instruments. Exported to Prometheus as <c>pursearch_http_request_duration_seconds</c>,
/// <c>pursearch_search_queries_total</c>, <c>pursearch_search_stage_duration_seconds</c>,
/// <c>pursearch_search_shard_plans_total</c>, <c>pursearch_search_partial_total</c> and <c>pursearch_index_vectors</c>.
/// </summary>
public sealed class NodeMetrics : IDisposable
{
    public const string MeterName = "Pursearch.SearchNode";

    private readonly Meter _meter;
    private readonly Histogram<double> _requestDuration;
    private readonly Histogram<double> _stageDuration;
    private readonly Counter<long> _queries;
    private readonly Counter<long> _plans;
    private readonly Counter<long> _partial;

    public NodeMetrics(IShardHost shards)
    {
        _meter = new Meter(MeterName);
        _requestDuration = _meter.CreateHistogram<double>("pursearch.http.request.duration", "s",
            "Time to answer an HTTP request, by route and status code.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _stageDuration = _meter.CreateHistogram<double>("pursearch.search.stage.duration", "s",
            "Time per stage of a photo search (decode, crop, embed, identify, search).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
        _queries = _meter.CreateCounter<long>("pursearch.search.queries", null, "Searches answered, by kind (photo, similar) and outcome.");
        _plans = _meter.CreateCounter<long>("pursearch.search.shard.plans", null, "Shard answers by the plan the shard chose (hnsw, exact).");
        _partial = _meter.CreateCounter<long>("pursearch.search.partial", null, "Answers missing at least one shard.");
        _meter.CreateObservableGauge("pursearch.index.vectors", () => shards.Status()
            .Select(s => new Measurement<long>(s.Vectors, new("generation", s.Generation), new("shard", s.Shard))),
            null, "Vectors held by each hosted shard of the live generation.");
    }

    public void Request(string route, string method, int status, double seconds) =>
        _requestDuration.Record(seconds, new("route", route), new("method", method), new("status", status));

    public void Query(string kind, string outcome) => _queries.Add(1, new("kind", kind), new("outcome", outcome));

    public void Stage(string stage, double milliseconds) => _stageDuration.Record(milliseconds / 1000, new KeyValuePair<string, object?>("stage", stage));

    public void Plans(int hnsw, int exact, bool partial)
    {
        if (hnsw > 0)
            _plans.Add(hnsw, new KeyValuePair<string, object?>("plan", "hnsw"));
        if (exact > 0)
            _plans.Add(exact, new KeyValuePair<string, object?>("plan", "exact"));
        if (partial)
            _partial.Add(1);
    }

    public void Dispose() => _meter.Dispose();
}
