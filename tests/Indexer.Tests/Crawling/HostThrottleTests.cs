using Pursearch.Indexer.Crawling.Fetching;

namespace Pursearch.Indexer.Tests.Crawling;

/// <summary>
/// Reservations are checked exactly; waiting is checked only from below (a busy machine may wake a caller late, never
/// early), so these hold however loaded the machine is.
/// </summary>
public class HostThrottleTests
{
    private const string Shop = "https://shop.example";

    private static async Task<List<DateTimeOffset>> TurnsAsync(Func<ValueTask<DateTimeOffset>> turn, int count)
    {
        var turns = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var reserved = await turn();
            Assert.True(DateTimeOffset.UtcNow >= reserved, "returned before its reserved start");
            return reserved;
        }));
        return turns.Order().ToList();
    }

    private static TimeSpan SmallestGap(List<DateTimeOffset> turns) => turns.Zip(turns.Skip(1), (a, b) => b - a).Min();

    [Fact]
    public async Task Request_starts_are_spaced_by_the_interval_even_when_callers_arrive_together()
    {
        var throttle = new HostThrottle(TimeSpan.FromMilliseconds(40), TimeProvider.System);
        var turns = await TurnsAsync(() => throttle.WaitTurnAsync(Shop, CancellationToken.None), 6);
        Assert.True(SmallestGap(turns) >= TimeSpan.FromMilliseconds(40), $"{SmallestGap(turns).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Crawl_delay_applies_only_when_it_is_the_larger()
    {
        var throttle = new HostThrottle(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        throttle.ApplyCrawlDelay(Shop, TimeSpan.FromMilliseconds(80));
        throttle.ApplyCrawlDelay("https://other.example", TimeSpan.FromMilliseconds(5));
        Assert.Equal(TimeSpan.FromMilliseconds(80), throttle.IntervalOf(Shop));
        Assert.Equal(TimeSpan.FromMilliseconds(20), throttle.IntervalOf("https://other.example"));
        var turns = await TurnsAsync(() => throttle.WaitTurnAsync(Shop, CancellationToken.None), 4);
        Assert.True(SmallestGap(turns) >= TimeSpan.FromMilliseconds(80));
    }

    [Fact]
    public async Task A_crawl_delay_learnt_later_spaces_from_the_last_start()
    {
        var throttle = new HostThrottle(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        var robots = await throttle.WaitTurnAsync(Shop, CancellationToken.None);
        throttle.ApplyCrawlDelay(Shop, TimeSpan.FromMilliseconds(120));
        Assert.Equal(robots + TimeSpan.FromMilliseconds(120), throttle.NextStartAt(Shop));
        Assert.True(await throttle.WaitTurnAsync(Shop, CancellationToken.None) >= robots + TimeSpan.FromMilliseconds(120));
    }

    [Fact]
    public async Task Origins_are_independent_and_a_pause_holds_only_its_origin()
    {
        var throttle = new HostThrottle(TimeSpan.FromSeconds(10), TimeProvider.System);
        await throttle.WaitTurnAsync(Shop, CancellationToken.None);
        var pausedUntil = DateTimeOffset.UtcNow.AddMilliseconds(150);
        throttle.PauseUntil("https://paused.example", pausedUntil);
        var before = DateTimeOffset.UtcNow;
        var other = await throttle.WaitTurnAsync("https://other.example", CancellationToken.None);
        Assert.InRange(other, before, DateTimeOffset.UtcNow);
        Assert.Equal(pausedUntil, await throttle.WaitTurnAsync("https://paused.example", CancellationToken.None));
        Assert.True(DateTimeOffset.UtcNow >= pausedUntil);
        Assert.True(throttle.NextStartAt(Shop) > DateTimeOffset.UtcNow.AddSeconds(9));
    }

    [Fact]
    public async Task Wire_turns_keep_the_interval_between_actual_writes()
    {
        var throttle = new HostThrottle(TimeSpan.FromMilliseconds(40), TimeProvider.System);
        var turns = await TurnsAsync(() => throttle.WaitWireTurnAsync(Shop, CancellationToken.None), 5);
        Assert.True(SmallestGap(turns) >= TimeSpan.FromMilliseconds(40), $"{SmallestGap(turns).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_wait_shorter_than_a_timer_can_make_takes_one_timer_of_the_minimum_and_is_never_early()
    {
        var time = new InstrumentedTime();
        var throttle = new HostThrottle(TimeSpan.FromMilliseconds(0.2), time);
        var turns = await TurnsAsync(() => throttle.WaitTurnAsync(Shop, CancellationToken.None), 8);
        Assert.True(SmallestGap(turns) >= TimeSpan.FromMilliseconds(0.2), $"{SmallestGap(turns).TotalMilliseconds} ms");
        // A timer asked for less than its resolution fires at once: waiting in a loop of those would spin.
        Assert.NotEmpty(time.DueTimes);
        Assert.All(time.DueTimes, due => Assert.True(due >= HostThrottle.TimerResolution, $"a timer of {due.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task A_cancelled_wait_throws()
    {
        var throttle = new HostThrottle(TimeSpan.FromSeconds(30), TimeProvider.System);
        await throttle.WaitTurnAsync(Shop, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => throttle.WaitTurnAsync(Shop, cancel.Token).AsTask());
    }
}

/// <summary>The system clock and timers, counting clock reads and recording the due time of every timer created.</summary>
internal sealed class InstrumentedTime : TimeProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<TimeSpan> _dueTimes = new();
    private long _clockReads;

    public IReadOnlyCollection<TimeSpan> DueTimes => _dueTimes;

    public long ClockReads => Interlocked.Read(ref _clockReads);

    public override DateTimeOffset GetUtcNow()
    {
        Interlocked.Increment(ref _clockReads);
        return System.GetUtcNow();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _dueTimes.Enqueue(dueTime);
        return System.CreateTimer(callback, state, dueTime, period);
    }
}
