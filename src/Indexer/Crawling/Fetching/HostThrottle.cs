namespace Pursearch.Indexer.Crawling.Fetching;

/// <summary>
/// Spaces the requests to each origin: a request starts no sooner than the previous start plus the origin's
/// interval (the larger of the configured rate and robots.txt Crawl-delay), and not before a Retry-After pause ends.
/// Measured from request start times, twice: <see cref="WaitTurnAsync"/> reserves a start before the request is sent;
/// <see cref="WaitWireTurnAsync"/> holds the moment its bytes go on the wire, so a request delayed after its
/// reservation (a slow connect, a busy machine) cannot land right before the next one.
/// </summary>
public sealed class HostThrottle(TimeSpan defaultInterval, TimeProvider time)
{
    private readonly Dictionary<string, HostState> _hosts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TimeSpan IntervalOf(string origin)
    {
        lock (_gate)
            return State(origin).Interval;
    }

    /// <summary>Applies a robots.txt Crawl-delay: the interval becomes the larger of it and the configured one.</summary>
    public void ApplyCrawlDelay(string origin, TimeSpan crawlDelay)
    {
        lock (_gate)
            State(origin).Interval = crawlDelay > defaultInterval ? crawlDelay : defaultInterval;
    }

    /// <summary>Holds every request to the origin until <paramref name="until"/> (the server asked for it).</summary>
    public void PauseUntil(string origin, DateTimeOffset until)
    {
        lock (_gate)
        {
            var state = State(origin);
            if (until > state.PausedUntil)
                state.PausedUntil = until;
        }
    }

    /// <summary>When the next request to the origin may start.</summary>
    public DateTimeOffset NextStartAt(string origin)
    {
        lock (_gate)
            return State(origin).NextStart;
    }

    /// <summary>Reserves the origin's next start time, waits for it and returns it.</summary>
    public async ValueTask<DateTimeOffset> WaitTurnAsync(string origin, CancellationToken cancellationToken)
    {
        DateTimeOffset start;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var state = State(origin);
            start = state.NextStart > now ? state.NextStart : now;
            state.LastStart = start;
        }
        await DelayUntilAsync(start, cancellationToken);
        return start;
    }

    /// <summary>Waits until a request may be written to the wire (one interval after the previous write) and returns that moment.</summary>
    public async ValueTask<DateTimeOffset> WaitWireTurnAsync(string origin, CancellationToken cancellationToken)
    {
        DateTimeOffset due;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var state = State(origin);
            var spaced = state.LastWrite is { } last ? last + state.Interval : now;
            due = spaced > now ? spaced : now;
            state.LastWrite = due;
        }
        await DelayUntilAsync(due, cancellationToken);
        return due;
    }

    /// <summary>The shortest wait a timer can make: a shorter one would fire at once, and waiting in a loop of them would spin.</summary>
    public static readonly TimeSpan TimerResolution = TimeSpan.FromMilliseconds(1);

    /// <summary>A wait of at least <see cref="TimerResolution"/>: late by less than that, never early.</summary>
    public static TimeSpan TimerWait(TimeSpan wait) => wait < TimerResolution ? TimerResolution : wait;

    // A timer may wake a little before its due time by the wall clock (timers and the clock are not the same source):
    // wait again for the rest, or a request could start a fraction of a millisecond inside the interval.
    private async ValueTask DelayUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        for (var wait = due - time.GetUtcNow(); wait > TimeSpan.Zero; wait = due - time.GetUtcNow())
            await Task.Delay(TimerWait(wait), time, cancellationToken);
    }

    private HostState State(string origin)
    {
        if (!_hosts.TryGetValue(origin, out var state))
            _hosts[origin] = state = new HostState { Interval = defaultInterval };
        return state;
    }

    private sealed class HostState
    {
        public TimeSpan Interval { get; set; }
        public DateTimeOffset? LastStart { get; set; }
        public DateTimeOffset? LastWrite { get; set; }
        public DateTimeOffset PausedUntil { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset NextStart
        {
            get
            {
                var spaced = LastStart is { } last ? last + Interval : DateTimeOffset.MinValue;
                return spaced > PausedUntil ? spaced : PausedUntil;
            }
        }
    }
}
