using System.Collections.Concurrent;

namespace Pursearch.Indexer.Embedding;

/// <summary>
/// A few dedicated threads that run queued CPU-bound work (decoding, inference) off the thread pool Akka and the store
/// use. <see cref="Dispose"/> joins them, so once it returns nothing queued here is still running; work whose token
/// is cancelled before it starts is not run.
/// </summary>
internal sealed class WorkerThreads : IDisposable
{
    private readonly BlockingCollection<WorkItem> _queue = new();
    private readonly Thread[] _threads;

    public WorkerThreads(int count, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _threads = [.. Enumerable.Range(0, count).Select(i => new Thread(Work) { IsBackground = true, Name = $"{name}-{i}" })];
        foreach (var thread in _threads)
            thread.Start();
    }

    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancel)
    {
        var item = new WorkItem<T>(work, cancel);
        _queue.Add(item, CancellationToken.None);
        return item.Completion;
    }

    private void Work()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
            item.Run();
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
            thread.Join();
        _queue.Dispose();
    }

    private abstract class WorkItem
    {
        public abstract void Run();
    }

    private sealed class WorkItem<T>(Func<T> work, CancellationToken cancel) : WorkItem
    {
        // Continuations must not run on a worker thread: the stream's next step would then hold it.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Completion => _completion.Task;

        public override void Run()
        {
            if (cancel.IsCancellationRequested)
            {
                _completion.SetCanceled(cancel);
                return;
            }
            try
            {
                _completion.SetResult(work());
            }
            catch (Exception e)
            {
                _completion.SetException(e);
            }
        }
    }
}
