using System.Collections.Concurrent;

namespace Pursearch.Indexer.Embedding;

/// <summary>
/// The tasks a run's stream stages started. An aborted stream stops waiting for them but they keep running; the run
/// waits for them before it returns, so a cancelled run leaves nothing behind that still reads or writes.
/// </summary>
internal sealed class InFlightTasks
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public Task<T> Track<T>(Task<T> task)
    {
        _running.TryAdd(task, 0);
        task.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>Waits until every tracked task has finished, whatever its outcome (the stream already saw any that mattered).</summary>
    public async Task DrainAsync()
    {
        while (!_running.IsEmpty)
        {
            foreach (var task in _running.Keys)
            {
                try
                {
                    await task;
                }
                catch
                {
                    // Its failure or cancellation reached the stream, or came after the stream had stopped listening.
                }
            }
        }
    }
}
