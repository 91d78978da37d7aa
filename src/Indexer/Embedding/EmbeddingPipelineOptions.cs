using Pursearch.Core;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Embedding;

/// <summary>How an embedding run is shaped: decode parallelism, batch size and the time after which a partial batch
/// is sent anyway, embedding threads, and how many products are listed from the store per query.</summary>
public sealed record EmbeddingPipelineOptions
{
    /// <summary>Images loaded and decoded at once, each on its own decode thread.</summary>
    public int DecodeParallelism { get; init; } = 2;

    /// <summary>Images per network run, per store write and per <see cref="IVectorSink.ApplyAsync"/> call.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>A partial batch is embedded once its first image has waited this long, so a trickle still flows.</summary>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Batches embedded at once, each on its own thread (ONNX Runtime sessions allow concurrent runs).</summary>
    public int EmbedParallelism { get; init; } = 1;

    /// <summary>Products read per store query while listing what needs embedding.</summary>
    public int PageSize { get; init; } = 256;

    /// <summary>The most failures a run's result lists; <see cref="EmbeddingRunResult.Failed"/> still counts all.</summary>
    public int MaxFailuresKept { get; init; } = 1000;

    /// <summary>Bytes and pixels beyond which an image is refused before it is decoded.</summary>
    public DecodeLimits DecodeLimits { get; init; } = DecodeLimits.Default;

    /// <summary>
    /// The most products between "image opened" and "applied to the sink" at any moment: the decode slots, the batch
    /// being filled, the batches being embedded, the one being written, the one being applied, and one batch of
    /// hand-over slack between stages. Memory use is bounded by this whatever the size of the catalog.
    /// </summary>
    public int InFlightBound => DecodeParallelism + BatchSize * (EmbedParallelism + 4);

    /// <summary>Throws a <see cref="DomainException"/> naming the first setting out of range.</summary>
    public EmbeddingPipelineOptions Validate()
    {
        Positive(DecodeParallelism, "decodeParallelism");
        Positive(BatchSize, "batchSize");
        Positive(EmbedParallelism, "embedParallelism");
        if (PageSize is < 1 or > 10_000)
            throw new DomainException("pageSize", $"{PageSize} is out of range 1..10000");
        if (BatchWindow <= TimeSpan.Zero)
            throw new DomainException("batchWindow", "must be positive");
        if (MaxFailuresKept < 0)
            throw new DomainException("maxFailuresKept", "must not be negative");
        return this;
    }

    private static void Positive(int value, string field)
    {
        if (value < 1)
            throw new DomainException(field, $"{value} must be at least 1");
    }
}
