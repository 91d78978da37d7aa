namespace Pursearch.Vision.Embedding;

/// <summary>Where the backbone files and the prepared-graph cache are, how sessions run, and the largest batch sent to
/// the network at once.</summary>
public sealed record EmbedderOptions
{
    /// <summary>The <c>DnnImageModels</c> folder; null = beside the app.</summary>
    public string? ModelDirectory { get; init; }
    /// <summary>Where the prepared graph is cached; null = <c>prepared/</c> beside the model, or the temp folder.</summary>
    public string? CacheDirectory { get; init; }
    public InferenceOptions Inference { get; init; } = new();
    public int MaxBatch { get; init; } = 32;
}
