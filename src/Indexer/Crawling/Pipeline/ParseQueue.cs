using System.Collections.Concurrent;

namespace Pursearch.Indexer.Crawling.Pipeline;

/// <summary>
/// Runs the CPU-bound part of handling a page (parse, extract) at most <see cref="Limit"/> at a time, on the threads
/// that hand the work in: a thread that finds the limit reached queues its work and returns to the pool, and each
/// thread already working runs the queued work back to back before it returns. No thread of its own, no thread hop:
/// work whose thread may run it runs inline, and its caller continues inline. Shared by every crawl of the process.
/// </summary>
/// <remarks>
/// On 2 cores shared with the shops, one page parsed at a time instead of as many as fetches complete made crawls
/// 5 % faster (A/B, DEVELOPERS.md): the other core serves the network and the graph, and pages parsed in a row run
/// on warm caches. Two at a time there gained nothing.
/// </remarks>
public sealed class ParseQueue
{
    private readonly ConcurrentQueue<Action> _pending = new();
    private int _running;

    public ParseQueue(int limit) => Limit = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit));

    /// <summary>The process's queue: half the cores (at least one) parse, the rest stay free for I/O.</summary>
    public static ParseQueue Shared { get; } = new(Math.Max(1, Environment.ProcessorCount / 2));

    /// <summary>How many pieces of work run at once, at most.</summary>
    public int Limit { get; }

    /// <summary>Runs <paramref name="work"/> now on this thread, or later on a thread that is running work already.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        // Continuations run on the thread that completes the work: the caller's own continuation then runs inline,
        // and a queued caller's continuation is a short hand-off back to the crawl graph.
        var completion = new TaskCompletionSource<T>();
        _pending.Enqueue(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        Drain();
        return completion.Task;
    }

    private void Drain()
    {
        while (TryStart())
        {
            while (_pending.TryDequeue(out var next))
                next();
            Interlocked.Decrement(ref _running);
            // Work queued by a thread that found the limit reached just before this one stopped would wait for the
            // next caller: look again. A thread that starts meanwhile takes it over.
            if (_pending.IsEmpty)
                return;
        }
    }

    /// <summary>Takes a running slot unless all are taken (compare-and-swap: a refused attempt leaves the count as it was).</summary>
    private bool TryStart()
    {
        var running = Volatile.Read(ref _running);
        while (running < Limit)
        {
            var seen = Interlocked.CompareExchange(ref _running, running + 1, running);
            if (seen == running)
                return true;
            running = seen;
        }
        return false;
    }
}
