using Pursearch.Core.Scraping;

namespace Pursearch.Storage.Contracts;

/// <summary>Scrape runs: started, counted incrementally while they run, errors recorded, then finished.</summary>
public interface IScrapeRunLog
{
    /// <summary>The most error details kept per run; the <see cref="ErrorsCounter"/> counter still counts every one.</summary>
    const int MaxErrorsKept = 1000;

    /// <summary>The counter every recorded error increments.</summary>
    const string ErrorsCounter = "errors";

    /// <summary>Records a new run, which must be Running; an id already taken is a conflict.</summary>
    Task StartAsync(ScrapeRun run, CancellationToken cancel = default);

    /// <summary>Adds each increment to its counter (counters start at 0); the run must still be running.</summary>
    Task AddCountersAsync(string runId, IReadOnlyDictionary<string, long> increments, CancellationToken cancel = default);

    /// <summary>Records an error and increments <see cref="ErrorsCounter"/>; the run must still be running.</summary>
    Task AddErrorAsync(string runId, ScrapeError error, CancellationToken cancel = default);

    /// <summary>Ends a running run with a final status other than Running.</summary>
    Task FinishAsync(string runId, ScrapeRunStatus status, DateTimeOffset finishedAt, CancellationToken cancel = default);

    Task<ScrapeRun?> GetAsync(string runId, CancellationToken cancel = default);

    /// <summary>The newest runs first, of one source or of all when <paramref name="source"/> is null.</summary>
    Task<IReadOnlyList<ScrapeRun>> ListAsync(string? source, int limit, CancellationToken cancel = default);
}
