using Pursearch.Indexer.Crawling.Pipeline;

namespace Pursearch.Indexer.Tests.Crawling;

public class ParseQueueTests
{
    [Fact]
    public async Task Work_runs_at_once_on_the_calling_thread_when_a_slot_is_free()
    {
        var queue = new ParseQueue(1);

        var ranOn = queue.RunAsync(() => Environment.CurrentManagedThreadId);

        Assert.True(ranOn.IsCompletedSuccessfully);
        Assert.Equal(Environment.CurrentManagedThreadId, await ranOn);
    }

    [Fact]
    public async Task Work_handed_in_while_every_slot_is_taken_runs_next_on_the_thread_holding_one()
    {
        var queue = new ParseQueue(1);
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = Task.Run(() => queue.RunAsync(() =>
        {
            started.Set();
            release.Wait();
            return Environment.CurrentManagedThreadId;
        }));
        started.Wait();

        var second = queue.RunAsync(() => Environment.CurrentManagedThreadId);
        Assert.False(second.IsCompleted);
        release.Set();

        var holder = await first;
        Assert.Equal(holder, await second);
        Assert.NotEqual(Environment.CurrentManagedThreadId, holder);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Under_contention_no_more_than_the_limit_run_at_once_and_no_work_is_left_behind(int limit)
    {
        var queue = new ParseQueue(limit);
        var running = 0;
        var mostAtOnce = 0;
        int Work(int value)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            Thread.SpinWait(50);
            Interlocked.Decrement(ref running);
            return value;
        }

        var callers = Enumerable.Range(0, 8).Select(caller => Task.Run(async () =>
        {
            var results = new List<Task<int>>();
            for (var i = 0; i < 5_000; i++)
            {
                var value = caller * 10_000 + i;
                results.Add(queue.RunAsync(() => Work(value)));
            }
            return await Task.WhenAll(results);
        })).ToList();
        var all = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.InRange(mostAtOnce, 1, limit);
        for (var caller = 0; caller < all.Length; caller++)
            Assert.Equal(Enumerable.Range(caller * 10_000, 5_000), all[caller]);
    }

    [Fact]
    public async Task Work_handed_in_as_the_last_worker_stops_is_still_run()
    {
        // Two threads hand in work at the same moment, round after round, and nothing comes after: work queued just
        // as the slot's holder finds the queue empty and stops would wait forever.
        var queue = new ParseQueue(1);
        const int rounds = 200_000;
        using var together = new Barrier(2);
        var stranded = 0;
        void HandIn(int stagger)
        {
            for (var round = 0; round < rounds && Volatile.Read(ref stranded) == 0; round++)
            {
                together.SignalAndWait();
                // Work and arrival times shift from round to round, so that one thread's hand-in sweeps across the
                // moment the other stops.
                Thread.SpinWait(round * stagger % 97);
                var work = round % 89;
                if (!queue.RunAsync(() => Spin(work)).Wait(TimeSpan.FromSeconds(10)))
                    Interlocked.Increment(ref stranded);
                together.SignalAndWait();
            }
        }

        await Task.WhenAll(Task.Factory.StartNew(() => HandIn(1), TaskCreationOptions.LongRunning),
            Task.Factory.StartNew(() => HandIn(7), TaskCreationOptions.LongRunning));

        Assert.Equal(0, stranded);
    }

    [Fact]
    public async Task Failing_work_faults_its_own_task_and_the_queue_keeps_running()
    {
        var queue = new ParseQueue(1);

        var failed = queue.RunAsync<int>(() => throw new InvalidOperationException("bad page"));

        Assert.Equal("bad page", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed)).Message);
        Assert.Equal(7, await queue.RunAsync(() => 7));
    }

    [Fact]
    public void A_queue_needs_at_least_one_slot() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParseQueue(0));

    private static int Spin(int iterations)
    {
        Thread.SpinWait(iterations);
        return iterations;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
                return;
            current = seen;
        }
    }
}
