namespace Pursearch.Bench.Vision;

/// <summary>Throughputs measured in one run: the Vision API against a raw ONNX Runtime session on the same
/// pre-made tensors, the API from pixels (preprocessing included), and decode + resize alone.</summary>
public sealed record EmbedBenchmarkResult(
    int Images,
    int Batch,
    int Threads,
    int Rounds,
    bool Spinning,
    string Provider,
    string? CudaFailure,
    double RawSessionImagesPerSecond,
    double VisionApiImagesPerSecond,
    double Ratio,
    double VisionApiFromPixelsImagesPerSecond,
    double RatioFromPixels,
    double DecodeResizeImagesPerSecond,
    string DecodeSource)
{
    public const double TargetRatio = 0.9;

    public bool MeetsTarget => Ratio >= TargetRatio && RatioFromPixels >= TargetRatio;
}
