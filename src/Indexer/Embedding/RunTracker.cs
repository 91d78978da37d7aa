using System.Collections.Concurrent;
using System.Diagnostics;

namespace Pursearch.Indexer.Embedding;

/// <summary>The counters and kept failures of one run, safe to update from every stage; reports progress at most every
/// <see cref="ReportInterval"/> (and always at the end) so a fast run does not flood a progress bar.</summary>
internal sealed class RunTracker(IProgress<EmbeddingProgress>? progress, int maxFailuresKept)
{
    public static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<EmbeddingFailure> _failures = new();
    private long _total;
    private long _embedded;
    private long _failed;
    private long _current;
    private long _lastReportTicks = -ReportInterval.Ticks;

    public void AddToTotal(long count)
    {
        Interlocked.Add(ref _total, count);
        Report();
    }

    public void Failed(EmbeddingFailure failure)
    {
        if (Interlocked.Increment(ref _failed) <= maxFailuresKept)
            _failures.Enqueue(failure);
        Report();
    }

    public void AlreadyCurrent()
    {
        Interlocked.Increment(ref _current);
        Report();
    }

    public void Embedded(int count)
    {
        Interlocked.Add(ref _embedded, count);
        Report();
    }

    public EmbeddingProgress Snapshot()
    {
        var (embedded, failed, current) = (Interlocked.Read(ref _embedded), Interlocked.Read(ref _failed), Interlocked.Read(ref _current));
        // Products added to the catalog while a run lists it can make the work outgrow the first count.
        var total = Math.Max(Interlocked.Read(ref _total), embedded + failed + current);
        return new EmbeddingProgress(total, embedded, failed, current, _clock.Elapsed);
    }

    public EmbeddingRunResult Finish(string spaceId, bool cancelled)
    {
        _clock.Stop();
        var final = Snapshot();
        progress?.Report(final);
        return new EmbeddingRunResult(spaceId, final, [.. _failures], cancelled);
    }

    private void Report()
    {
        if (progress is null)
            return;
        var now = _clock.Elapsed.Ticks;
        var last = Interlocked.Read(ref _lastReportTicks);
        if (now - last < ReportInterval.Ticks || Interlocked.CompareExchange(ref _lastReportTicks, now, last) != last)
            return;
        progress.Report(Snapshot());
    }
}
