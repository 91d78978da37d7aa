namespace Pursearch.Vision.Embedding;

/// <summary>How ONNX Runtime sessions are built: CUDA first when preferred, and CPU thread counts (0 = ORT's default) and spinning.</summary>
public sealed record InferenceOptions
{
    public bool PreferCuda { get; init; } = true;
    public int CudaDeviceId { get; init; }
    public int IntraOpThreads { get; init; }
    public int InterOpThreads { get; init; }
    /// <summary>Whether idle ORT worker threads spin waiting for work. Off by default: on 2 cores, two sessions in one
    /// process (e.g. the bench's raw session beside the embedder) ran at 20 images/s with spinning and 49 without.</summary>
    public bool AllowSpinning { get; init; }
}
