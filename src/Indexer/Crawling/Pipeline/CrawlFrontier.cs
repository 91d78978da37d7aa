using Pursearch.Indexer.Crawling.Fetching;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling.Pipeline;

/// <summary>
/// The URL frontier of one run: admits each new canonical URL once (in scope, within depth, not a trap), keeps a queue
/// per origin, and hands out the next URL of an origin that may be requested now — round-robin over origins, at most
/// <see cref="CrawlSource.ConcurrencyPerHost"/> in flight per origin, none before the <see cref="HostThrottle"/> allows
/// — until the queues are empty and nothing is in flight, or a budget runs out.
/// </summary>
public sealed class CrawlFrontier
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    private readonly CrawlSource _source;
    private readonly CrawlerTrapDetector _traps;
    private readonly HostThrottle _throttle;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _deadline;
    private readonly Lock _gate = new();
    private readonly HashSet<Uri> _seen = [];
    private readonly Dictionary<string, Queue<CrawlRequest>> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _inFlightByOrigin = new(StringComparer.Ordinal);
    private readonly List<string> _origins = [];
    private TaskCompletionSource _changed = NewSignal();
    private int _cursor;
    private int _queued;
    private int _inFlight;
    private int _dispatched;
    private long _outOfScope;
    private long _tooDeep;
    private CrawlStopReason? _stop;

    public CrawlFrontier(CrawlSource source, CrawlerTrapDetector traps, HostThrottle throttle, TimeProvider time)
    {
        _source = source;
        _traps = traps;
        _throttle = throttle;
        _time = time;
        _deadline = time.GetUtcNow() + source.TimeBudget;
    }

    /// <summary>Why the run stopped handing out URLs, once it has.</summary>
    public CrawlStopReason? StopReason
    {
        get
        {
            lock (_gate)
                return _stop;
        }
    }

    public (int Queued, int InFlight, long OutOfScope, long TooDeep) State()
    {
        lock (_gate)
            return (_queued, _inFlight, _outOfScope, _tooDeep);
    }

    /// <summary>Queues the start URLs; a start URL outside an explicit scope is refused with an event.</summary>
    public IReadOnlyList<CrawlEvent> Seed()
    {
        var events = new List<CrawlEvent>();
        lock (_gate)
        {
            foreach (var url in _source.StartUrls)
            {
                if (!_source.Scope.Contains(url))
                {
                    events.Add(new PageFailed(url, _time.GetUtcNow(),
                        new CrawlError(CrawlErrorKinds.OutOfScope, "start URL outside the allowed hosts")));
                    continue;
                }
                if (_seen.Add(url))
                    Enqueue(new CrawlRequest(url, 0, KindOfStartUrl(url), UrlCanonicalizer.OriginOf(url)));
            }
            Signal();
        }
        return events;
    }

    /// <summary>The next URL to fetch, waiting until one may be fetched; null when the run is over.</summary>
    public async Task<CrawlRequest?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            TimeSpan wait;
            lock (_gate)
            {
                if (TryDispatch(cancellationToken, out var request, out wait))
                    return request;
                if (IsOver())
                    return null;
                changed = _changed.Task;
            }
            await WaitAsync(changed, wait, cancellationToken);
        }
    }

    /// <summary>Marks a request handled and admits the links it found; returns events for links refused as traps.</summary>
    public IReadOnlyList<CrawlEvent> Complete(CrawlRequest request, IEnumerable<DiscoveredLink> links)
    {
        var events = new List<CrawlEvent>();
        lock (_gate)
        {
            _inFlight--;
            _inFlightByOrigin[request.Origin]--;
            foreach (var link in links)
                if (Admit(link, request.Url) is { } refusal)
                    events.Add(refusal);
            Signal();
        }
        return events;
    }

    private bool TryDispatch(CancellationToken cancellationToken, out CrawlRequest? request, out TimeSpan wait)
    {
        request = null;
        wait = Timeout.InfiniteTimeSpan;
        var now = _time.GetUtcNow();
        if (now >= _deadline)
            _stop ??= CrawlStopReason.TimeBudget;
        if (cancellationToken.IsCancellationRequested)
            _stop ??= CrawlStopReason.Cancelled;
        if (_queued > 0 && _dispatched >= _source.MaxPages)
            _stop ??= CrawlStopReason.PageBudget;
        if (_stop is not null || _queued == 0)
            return false;
        DateTimeOffset? earliest = null;
        for (var i = 0; i < _origins.Count; i++)
        {
            var index = (_cursor + i) % _origins.Count;
            var origin = _origins[index];
            if (_queues[origin].Count == 0 || _inFlightByOrigin[origin] >= _source.ConcurrencyPerHost)
                continue;
            var readyAt = _throttle.NextStartAt(origin);
            if (readyAt <= now)
            {
                request = _queues[origin].Dequeue();
                _cursor = index + 1;
                _queued--;
                _inFlight++;
                _inFlightByOrigin[origin]++;
                _dispatched++;
                return true;
            }
            earliest = earliest is null || readyAt < earliest ? readyAt : earliest;
        }
        // Every origin with work is at its concurrency limit: only a completion can change that (each one signals),
        // so the wait needs no timer.
        if (earliest is not { } ready)
            return false;
        wait = (ready < _deadline ? ready : _deadline) - now;
        return false;
    }

    private bool IsOver()
    {
        if (_inFlight > 0 || (_stop is null && _queued > 0))
            return false;
        _stop ??= CrawlStopReason.Completed;
        return true;
    }

    private async Task WaitAsync(Task changed, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            // Cancelled: nothing more is dispatched; wait only for the requests in flight to come back.
            await changed;
            return;
        }
        // Waiting only for requests in flight: each completion signals, and each request has a timeout.
        if (wait == Timeout.InfiniteTimeSpan)
        {
            await changed.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return;
        }
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait < LongestWait ? HostThrottle.TimerWait(wait) : LongestWait, _time, timer.Token);
        await Task.WhenAny(changed, delay);
        await timer.CancelAsync();
    }

    private PageFailed? Admit(DiscoveredLink link, Uri foundOn)
    {
        if (!_source.Scope.Contains(link.Url))
        {
            _outOfScope++;
            return null;
        }
        if (link.Depth > _source.MaxDepth)
        {
            _tooDeep++;
            return null;
        }
        if (!_seen.Add(link.Url))
            return null;
        if (_traps.Check(link.Url, foundOn) is { } trap)
            return new PageFailed(link.Url, _time.GetUtcNow(), new CrawlError(CrawlErrorKinds.Trap, trap));
        Enqueue(new CrawlRequest(link.Url, link.Depth, link.Kind, UrlCanonicalizer.OriginOf(link.Url)));
        return null;
    }

    private void Enqueue(CrawlRequest request)
    {
        if (!_queues.TryGetValue(request.Origin, out var queue))
        {
            _queues[request.Origin] = queue = new Queue<CrawlRequest>();
            _inFlightByOrigin[request.Origin] = 0;
            _origins.Add(request.Origin);
        }
        queue.Enqueue(request);
        _queued++;
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static RequestKind KindOfStartUrl(Uri url)
    {
        var path = url.AbsolutePath;
        return path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ||
               path.EndsWith(".xml.gz", StringComparison.OrdinalIgnoreCase) ||
               path.Contains("sitemap", StringComparison.OrdinalIgnoreCase)
            ? RequestKind.Sitemap
            : RequestKind.Page;
    }
}
