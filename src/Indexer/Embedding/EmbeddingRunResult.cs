using Pursearch.Core.Catalog;

namespace Pursearch.Indexer.Embedding;

/// <summary>Why a product was skipped by an embedding run.</summary>
public enum EmbeddingFailureKind
{
    /// <summary>An explicitly listed product id is not in the catalog.</summary>
    ProductNotFound,
    /// <summary>The product has no stored image yet.</summary>
    NoImage,
    /// <summary>The product names an image hash the image store does not hold.</summary>
    ImageMissing,
    /// <summary>The stored image has no bytes.</summary>
    EmptyImage,
    /// <summary>More bytes than the decode limit.</summary>
    ImageTooLarge,
    /// <summary>The header declares more pixels than the decode limit.</summary>
    TooManyPixels,
    /// <summary>Not an image format the decoder reads.</summary>
    UnsupportedFormat,
    /// <summary>A supported format whose data is broken or truncated.</summary>
    CorruptImage,
}

/// <summary>One product an embedding run skipped, and why; the run goes on without it.</summary>
public sealed record EmbeddingFailure(ProductId ProductId, EmbeddingFailureKind Kind, string Message);

/// <summary>
/// How an embedding run ended: the final counts (as in <see cref="EmbeddingProgress"/>), the skipped products (at most
/// <see cref="EmbeddingPipelineOptions.MaxFailuresKept"/> listed), and whether it was cancelled before the end. A
/// cancelled run keeps what it stored; the next run picks up the rest.
/// </summary>
public sealed record EmbeddingRunResult(
    string SpaceId,
    EmbeddingProgress Progress,
    IReadOnlyList<EmbeddingFailure> Failures,
    bool Cancelled)
{
    public long Embedded => Progress.Embedded;
    public long Failed => Progress.Failed;
    public long AlreadyCurrent => Progress.AlreadyCurrent;
    public TimeSpan Elapsed => Progress.Elapsed;
}
