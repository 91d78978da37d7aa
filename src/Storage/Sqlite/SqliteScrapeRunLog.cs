using Microsoft.Data.Sqlite;
using Pursearch.Core;
using Pursearch.Core.Scraping;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>Scrape runs in <c>scrape_runs</c>, their counters and their first errors in two child tables.</summary>
public sealed class SqliteScrapeRunLog(SqliteConnector connector) : IScrapeRunLog
{
    public const int MaxListSize = 1000;

    private const string Columns = "id, source, started_at, finished_at, status";

    public Task StartAsync(ScrapeRun run, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status != ScrapeRunStatus.Running)
            throw new DomainException("status", $"a run starts Running, not {run.Status}");
        return connector.WriteAsync(write =>
        {
            if (write.Scalar("SELECT 1 FROM scrape_runs WHERE id = $id", ("$id", run.Id)) is not null)
                throw new StoreConflictException($"scrape run '{run.Id}' already exists");
            write.Execute($"INSERT INTO scrape_runs ({Columns}) VALUES ($id, $source, $started, NULL, $status)",
                ("$id", run.Id), ("$source", run.Source), ("$started", SqliteValues.Ticks(run.StartedAt)),
                ("$status", run.Status.ToString()));
            AddCounters(write, run.Id, run.Counters);
            foreach (var error in run.Errors)
                AddError(write, run.Id, error);
            write.RecordChange(ChangeKind.ScrapeRun, run.Id);
        }, cancel);
    }

    public Task AddCountersAsync(string runId, IReadOnlyDictionary<string, long> increments, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(increments);
        foreach (var name in increments.Keys)
            Guard.NotBlank(name, "counter");
        return connector.WriteAsync(write =>
        {
            RequireRunning(write, runId);
            AddCounters(write, runId, increments);
            write.RecordChange(ChangeKind.ScrapeRun, runId);
        }, cancel);
    }

    public Task AddErrorAsync(string runId, ScrapeError error, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return connector.WriteAsync(write =>
        {
            RequireRunning(write, runId);
            AddError(write, runId, error);
            write.RecordChange(ChangeKind.ScrapeRun, runId);
        }, cancel);
    }

    public Task FinishAsync(string runId, ScrapeRunStatus status, DateTimeOffset finishedAt, CancellationToken cancel = default)
    {
        if (status == ScrapeRunStatus.Running)
            throw new DomainException("status", "a finished run needs a final status");
        return connector.WriteAsync(write =>
        {
            var run = RequireRunning(write, runId);
            if (finishedAt < run.StartedAt)
                throw new DomainException("finishedAt", "must not be before startedAt");
            write.Execute("UPDATE scrape_runs SET status = $status, finished_at = $at WHERE id = $id",
                ("$status", status.ToString()), ("$at", SqliteValues.Ticks(finishedAt)), ("$id", runId));
            write.RecordChange(ChangeKind.ScrapeRun, runId);
        }, cancel);
    }

    public Task<ScrapeRun?> GetAsync(string runId, CancellationToken cancel = default) =>
        connector.ReadAsync(read => Find(read, runId), cancel);

    public Task<IReadOnlyList<ScrapeRun>> ListAsync(string? source, int limit, CancellationToken cancel = default)
    {
        if (limit is < 1 or > MaxListSize)
            throw new DomainException("limit", $"{limit} is out of range 1..{MaxListSize}");
        return connector.ReadAsync<IReadOnlyList<ScrapeRun>>(read => read.Query("""
                    SELECT id FROM scrape_runs WHERE $source IS NULL OR source = $source
                    ORDER BY started_at DESC, id DESC LIMIT $limit
                    """, r => r.GetString(0), ("$source", source), ("$limit", limit))
            .Select(id => Find(read, id)!)
            .ToList(), cancel);
    }

    private static ScrapeRun RequireRunning(SqliteSession session, string runId)
    {
        var run = Find(session, runId) ?? throw new StoreNotFoundException("scrape run", runId);
        return run.Status == ScrapeRunStatus.Running
            ? run
            : throw new StoreConflictException($"scrape run '{runId}' has finished ({run.Status})");
    }

    private static void AddCounters(SqliteWrite write, string runId, IReadOnlyDictionary<string, long> increments)
    {
        foreach (var (name, increment) in increments)
            write.Execute("""
                    INSERT INTO scrape_run_counters (run_id, name, value) VALUES ($run, $name, $increment)
                    ON CONFLICT (run_id, name) DO UPDATE SET value = value + excluded.value
                    """, ("$run", runId), ("$name", name.Trim()), ("$increment", increment));
    }

    private static void AddError(SqliteWrite write, string runId, ScrapeError error)
    {
        AddCounters(write, runId, new Dictionary<string, long> { [IScrapeRunLog.ErrorsCounter] = 1 });
        var kept = Convert.ToInt64(write.Scalar("SELECT count(*) FROM scrape_run_errors WHERE run_id = $run", ("$run", runId)));
        if (kept >= IScrapeRunLog.MaxErrorsKept)
            return;
        write.Execute("""
                INSERT INTO scrape_run_errors (run_id, kind, url, message, at) VALUES ($run, $kind, $url, $message, $at)
                """, ("$run", runId), ("$kind", error.Kind), ("$url", error.Url), ("$message", error.Message),
            ("$at", SqliteValues.Ticks(error.At)));
    }

    private static ScrapeRun? Find(SqliteSession session, string runId)
    {
        var row = session.Query($"SELECT {Columns} FROM scrape_runs WHERE id = $id", r => (
            Source: r.GetString(1), Started: r.GetInt64(2), Finished: r.IsDBNull(3) ? (long?)null : r.GetInt64(3),
            Status: r.GetString(4)), ("$id", runId));
        if (row.Count == 0)
            return null;
        var counters = session.Query("SELECT name, value FROM scrape_run_counters WHERE run_id = $run",
                r => (Name: r.GetString(0), Value: r.GetInt64(1)), ("$run", runId))
            .ToDictionary(c => c.Name, c => c.Value);
        var errors = session.Query("SELECT kind, url, message, at FROM scrape_run_errors WHERE run_id = $run ORDER BY id",
            r => new ScrapeError(r.GetString(0), r.GetString(1), r.GetString(2), SqliteValues.Time(r.GetInt64(3))),
            ("$run", runId));
        var (source, started, finished, status) = row[0];
        return new ScrapeRun(runId, source, SqliteValues.Time(started), SqliteValues.Enum<ScrapeRunStatus>(status),
            finished is { } f ? SqliteValues.Time(f) : null, counters, errors);
    }
}
