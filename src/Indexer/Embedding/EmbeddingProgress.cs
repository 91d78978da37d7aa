namespace Pursearch.Indexer.Embedding;

/// <summary>
/// A snapshot of a running embedding run for progress bars and the admin API. <see cref="Total"/> is the number of
/// products the run has taken on so far (all of them up front when listing the store or an explicit list; growing with
/// a live feed); <see cref="Embedded"/> were stored and applied to the sink, <see cref="Failed"/> were skipped with a
/// recorded reason, <see cref="AlreadyCurrent"/> already had a vector of their current image.
/// </summary>
public sealed record EmbeddingProgress(long Total, long Embedded, long Failed, long AlreadyCurrent, TimeSpan Elapsed)
{
    public long Done => Embedded + Failed + AlreadyCurrent;

    public long Remaining => Math.Max(0, Total - Done);

    public double ImagesPerSecond => Elapsed > TimeSpan.Zero ? Embedded / Elapsed.TotalSeconds : 0;
}
