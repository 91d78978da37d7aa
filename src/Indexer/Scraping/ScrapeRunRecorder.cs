using System.Collections.Concurrent;
using Pursearch.Core.Scraping;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.Scraping;

/// <summary>
/// Keeps a scrape's <see cref="ScrapeRun"/> record: starts it — or takes over the source's unfinished run left by a
/// crash, so a re-run continues it — writes counter increments and errors as they come (see <see cref="FlushAsync"/>),
/// and finishes it. Only the first <see cref="IScrapeRunLog.MaxErrorsKept"/> errors are sent in detail; later ones are
/// counted.
/// </summary>
public sealed class ScrapeRunRecorder
{
    private readonly IScrapeRunLog _log;
    private readonly ConcurrentQueue<ScrapeError> _errors = new();
    private readonly Dictionary<string, long> _flushed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneFlush = new(1, 1);
    private int _detailed;

    private ScrapeRunRecorder(IScrapeRunLog log, ScrapeRun run, bool resumed)
    {
        _log = log;
        Run = run;
        Resumed = resumed;
    }

    /// <summary>The run as it stood when this recorder took it.</summary>
    public ScrapeRun Run { get; }
    public string RunId => Run.Id;
    public bool Resumed { get; }

    public static async Task<ScrapeRunRecorder> StartAsync(IScrapeRunLog log, string source, TimeProvider time, CancellationToken cancel)
    {
        var latest = (await log.ListAsync(source, 1, cancel)).FirstOrDefault();
        if (latest is { Status: ScrapeRunStatus.Running })
            return new ScrapeRunRecorder(log, latest, resumed: true);
        var now = time.GetUtcNow();
        var run = new ScrapeRun(NewId(source, now), source, now);
        await log.StartAsync(run, cancel);
        return new ScrapeRunRecorder(log, run, resumed: false);
    }

    public void Error(ScrapeError error) => _errors.Enqueue(error);

    /// <summary>Writes the increments since the last flush of <paramref name="totals"/> (this process's running totals) and the queued errors.</summary>
    public async Task FlushAsync(IReadOnlyDictionary<string, long> totals, CancellationToken cancel)
    {
        await _oneFlush.WaitAsync(cancel);
        try
        {
            var increments = totals.Where(t => t.Value != _flushed.GetValueOrDefault(t.Key))
                .ToDictionary(t => t.Key, t => t.Value - _flushed.GetValueOrDefault(t.Key), StringComparer.Ordinal);
            var uncounted = 0L;
            while (_errors.TryDequeue(out var error))
            {
                if (_detailed++ < IScrapeRunLog.MaxErrorsKept)
                    await _log.AddErrorAsync(RunId, error, cancel);
                else
                    uncounted++;
            }
            if (uncounted > 0)
                increments[IScrapeRunLog.ErrorsCounter] = increments.GetValueOrDefault(IScrapeRunLog.ErrorsCounter) + uncounted;
            if (increments.Count > 0)
                await _log.AddCountersAsync(RunId, increments, cancel);
            foreach (var (name, value) in totals)
                _flushed[name] = value;
        }
        finally
        {
            _oneFlush.Release();
        }
    }

    public Task FinishAsync(ScrapeRunStatus status, DateTimeOffset at, CancellationToken cancel) =>
        _log.FinishAsync(RunId, status, at < Run.StartedAt ? Run.StartedAt : at, cancel);

    private static string NewId(string source, DateTimeOffset now)
    {
        var name = source.Length > 40 ? source[..40] : source;
        return $"{name}-{now.UtcDateTime:yyyyMMdd'T'HHmmss}-{Random.Shared.Next(0x10000):x4}";
    }
}
