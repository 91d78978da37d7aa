namespace Pursearch.Bench.Ingest;

/// <summary>
/// Products/s measured in one run on the same images, batch and threads: the embedding pipeline (store → decode →
/// batch → embed → store → sink) against the raw embedder fed in a plain loop from the same JPEG bytes (decode + embed,
/// nothing stored), and the raw embedder on pre-decoded pixels (the inference ceiling).
/// </summary>
public sealed record IngestBenchmarkResult(
    int Images,
    int Batch,
    int Threads,
    int DecodeParallelism,
    int Rounds,
    string Provider,
    string ImageSource,
    double PipelineProductsPerSecond,
    double RawFromBytesProductsPerSecond,
    double RawFromPixelsProductsPerSecond,
    double Ratio,
    double RatioToInference,
    long PipelineFailures)
{
    /// <summary>The pipeline should cost no more than 10 % against decoding and embedding in a loop.</summary>
    public const double TargetRatio = 0.9;

    public bool MeetsTarget => Ratio >= TargetRatio && PipelineFailures == 0;
}
