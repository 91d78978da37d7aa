namespace Pursearch.Bench.Http;

/// <summary>p50 and p99 of one stage, in milliseconds.</summary>
public sealed record StagePercentiles(string Stage, double P50Ms, double P99Ms);

/// <summary>
/// Per-stage latency of photo searches over HTTP (the node's own stage timings, and the client's wall time per request)
/// and of the same searches run in-process without HTTP (the baseline), measured in one run; the ratio is HTTP
/// client p50 over baseline p50, i.e. what upload, multipart parsing, routing and JSON add.
/// </summary>
public sealed record HttpBenchmarkResult(
    string Url, string Generation, string? ModelVersion, int Requests, int Photos, int Threads,
    IReadOnlyList<StagePercentiles> Http, StagePercentiles HttpClientWall,
    IReadOnlyList<StagePercentiles> Baseline, double RatioP50, double RatioP99, int Failures);
