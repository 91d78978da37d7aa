namespace Pursearch.Bench.Http;

/// <summary>What <c>pursearch bench http</c> measures: a prepared data dir (its held-out street photos are the queries),
/// optionally a node already running elsewhere, and how many timed requests.</summary>
public sealed record HttpBenchmarkOptions
{
    public required string DataDirectory { get; init; }
    /// <summary>A running node to measure; null starts one in this process on a free loopback port.</summary>
    public string? Url { get; init; }
    public int Requests { get; init; } = 100;
    public int Warmup { get; init; } = 5;
    /// <summary>ONNX Runtime threads of the in-process embedder.</summary>
    public int Threads { get; init; } = 2;
}
