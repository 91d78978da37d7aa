using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Pursearch.SearchNode.Admin;

/// <summary>Where an operation stands.</summary>
public enum OperationState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>An operation as the admin API shows it; <see cref="Percent"/> is the current stage's progress.</summary>
public sealed record OperationStatus(
    string Id, string Name, string State, string? Stage, double Percent, string? Message, string? Result, string? Error,
    DateTimeOffset QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

/// <summary>Runs admin operations in the background one after another, in the order they were asked for, and keeps
/// their status (the most recent ones) for the API.</summary>
public sealed class OperationQueue(ILogger<OperationQueue> logger) : IDisposable
{
    private const int Kept = 100;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Tracked> _operations = new(StringComparer.Ordinal);
    private int _next;

    public OperationStatus Start(IAdminOperation operation, JsonElement arguments)
    {
        var id = $"op-{Interlocked.Increment(ref _next)}";
        var tracked = new Tracked(id, operation.Name, DateTimeOffset.UtcNow);
        _operations[id] = tracked;
        Forget();
        tracked.Task = Task.Run(() => RunAsync(tracked, operation, arguments.Clone()));
        return tracked.Status();
    }

    public OperationStatus? Get(string id) => _operations.TryGetValue(id, out var tracked) ? tracked.Status() : null;

    public IReadOnlyList<OperationStatus> List() =>
        [.. _operations.Values.OrderByDescending(o => o.QueuedAt).Select(o => o.Status())];

    /// <summary>Cancels what runs and waits for it to end (node shutdown).</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_operations.Values.Select(o => o.Task ?? Task.CompletedTask));
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _oneAtATime.Dispose();
    }

    private async Task RunAsync(Tracked tracked, IAdminOperation operation, JsonElement arguments)
    {
        try
        {
            await _oneAtATime.WaitAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            tracked.Finish(OperationState.Cancelled, null, "the node is stopping");
            return;
        }
        try
        {
            tracked.Begin();
            logger.LogInformation("admin operation {Id} ({Name}) started", tracked.Id, tracked.Name);
            var result = await operation.RunAsync(arguments, tracked.Progress, _stopping.Token);
            tracked.Finish(OperationState.Succeeded, result, null);
            logger.LogInformation("admin operation {Id} ({Name}) succeeded: {Result}", tracked.Id, tracked.Name, result);
        }
        catch (OperationCanceledException)
        {
            tracked.Finish(OperationState.Cancelled, null, "cancelled");
        }
        catch (Exception e)
        {
            tracked.Finish(OperationState.Failed, null, e.Message);
            logger.LogError(e, "admin operation {Id} ({Name}) failed", tracked.Id, tracked.Name);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private void Forget()
    {
        foreach (var old in _operations.Values.Where(o => o.IsFinished).OrderBy(o => o.QueuedAt).SkipLast(Kept).ToList())
            _operations.TryRemove(old.Id, out _);
    }

    private sealed class Tracked(string id, string name, DateTimeOffset queuedAt)
    {
        private readonly Lock _gate = new();
        private OperationState _state = OperationState.Queued;
        private DateTimeOffset? _started;
        private DateTimeOffset? _finished;
        private string? _result;
        private string? _error;

        public string Id { get; } = id;
        public string Name { get; } = name;
        public DateTimeOffset QueuedAt { get; } = queuedAt;
        public OperationProgress Progress { get; } = new();
        public Task? Task { get; set; }
        public bool IsFinished
        {
            get
            {
                lock (_gate)
                    return _state is OperationState.Succeeded or OperationState.Failed or OperationState.Cancelled;
            }
        }

        public void Begin()
        {
            lock (_gate)
                (_state, _started) = (OperationState.Running, DateTimeOffset.UtcNow);
        }

        public void Finish(OperationState state, string? result, string? error)
        {
            lock (_gate)
                (_state, _finished, _result, _error) = (state, DateTimeOffset.UtcNow, result, error);
            if (state == OperationState.Succeeded)
                Progress.Report(Progress.Read().Stage ?? Name, 1);
        }

        public OperationStatus Status()
        {
            var (stage, fraction, message) = Progress.Read();
            lock (_gate)
                return new OperationStatus(Id, Name, _state.ToString().ToLowerInvariant(), stage, Math.Round(fraction * 100, 1),
                    message, _result, _error, QueuedAt, _started, _finished);
        }
    }
}
