using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Util;
using Pursearch.Indexer.Crawling.Fetching;
using Pursearch.Indexer.Crawling.Pipeline;
using Pursearch.Indexer.Crawling.Robots;
using Pursearch.Indexer.Crawling.Urls;
using StreamSource = Akka.Streams.Dsl.Source;

namespace Pursearch.Indexer.Crawling;

/// <summary>Why a run stopped.</summary>
public enum CrawlStopReason
{
    /// <summary>Every in-scope URL found was handled.</summary>
    Completed,
    PageBudget,
    TimeBudget,
    Cancelled,
}

/// <summary>How a run ended: its final counters and why it stopped.</summary>
public sealed record CrawlSummary(CrawlProgress Progress, CrawlStopReason StopReason);

/// <summary>
/// One crawl of one source. Its graph: URL frontier (per-origin queues, politeness-aware) → fetch (robots.txt,
/// throttled and resilient HTTP) then parse/extract, one stage (<see cref="PageProcessor"/>) → emit, with the links of
/// each page fed back into the frontier.
/// Use <see cref="Events"/> to compose further stages (store upsert, image fetch, embedding) or
/// <see cref="RunAsync"/> with a sink; read <see cref="Progress"/> at any time. A run can be consumed once.
/// </summary>
public sealed class CrawlRun : IDisposable
{
    private readonly ActorSystem _system;
    private readonly CrawlerOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;
    private readonly PageFetcher _fetcher;
    private readonly RobotsCache _robots;
    private readonly CrawlFrontier _frontier;
    private readonly PageProcessor _processor;
    private readonly CrawlCounters _counters;
    private int _consumed;

    internal CrawlRun(ActorSystem system, CrawlSource source, CrawlerOptions options, IPageValidatorLookup validators,
        IHostResolver resolver, TimeProvider time)
    {
        _system = system;
        _options = options;
        _time = time;
        Source = source;
        var throttle = new HostThrottle(source.RequestInterval, time);
        var connector = new GuardedConnector(new NetworkAddressPolicy(source.AllowPrivate, source.AllowedNetworks), resolver);
        _client = CrawlHttpClientFactory.Create(options, connector, throttle, time);
        _fetcher = new PageFetcher(_client, options, time);
        _robots = new RobotsCache(_fetcher, options, time);
        _robots.Loaded += (origin, policy) =>
            throttle.ApplyCrawlDelay(origin, Min(policy.Rules.CrawlDelay ?? TimeSpan.Zero, options.MaxCrawlDelay));
        _frontier = new CrawlFrontier(source, new CrawlerTrapDetector(options.Traps, time), throttle, time);
        _processor = new PageProcessor(source, options, _fetcher, _robots, validators, ParseQueue.Shared, time);
        _counters = new CrawlCounters(time, _frontier.State);
    }

    public CrawlSource Source { get; }

    /// <summary>The live counters (pages, 304s, products, skipped pages, errors by kind, queue), safe to read while running.</summary>
    public CrawlProgress Progress => _counters.Snapshot();

    public CrawlStopReason? StopReason => _frontier.StopReason;

    /// <summary>
    /// The crawl's events as an Akka.Streams source; completes when the frontier is exhausted or a budget runs out.
    /// <paramref name="cancellationToken"/> should carry the time budget (see <see cref="RunAsync"/>).
    /// </summary>
    public Source<CrawlEvent, NotUsed> Events(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _consumed, 1) != 0)
            throw new InvalidOperationException("a crawl run can be consumed only once");
        var seeds = _frontier.Seed();
        var pages = StreamSource.UnfoldAsync(0, async _ => await _frontier.NextAsync(cancellationToken) is { } request
                ? Option<(int, CrawlRequest)>.Create((0, request))
                : Option<(int, CrawlRequest)>.None)
            .SelectAsyncUnordered(_options.MaxConcurrentFetches, request => _processor.HandleAsync(request, cancellationToken))
            .SelectMany(result => result.Events.Concat(_frontier.Complete(result.Request, result.Links)));
        return StreamSource.From(seeds).Concat(pages).Select(crawlEvent =>
        {
            _counters.Record(crawlEvent);
            return crawlEvent;
        });
    }

    /// <summary>Runs the crawl into <paramref name="sink"/> (one event at a time, with back-pressure) within the source's time budget.</summary>
    public async Task<CrawlSummary> RunAsync(ICrawlEventSink sink, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(Source.TimeBudget, _time);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        using var materializer = _system.Materializer();
        await Events(run.Token)
            .SelectAsync(1, async crawlEvent =>
            {
                await sink.AcceptAsync(crawlEvent, cancellationToken);
                return NotUsed.Instance;
            })
            .RunWith(Sink.Ignore<NotUsed>(), materializer);
        var reason = StopReason ?? CrawlStopReason.Completed;
        // The frontier sees one cancelled token; only here is it known whether the budget or the caller cancelled it.
        if (reason == CrawlStopReason.Cancelled && budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            reason = CrawlStopReason.TimeBudget;
        return new CrawlSummary(Progress, reason);
    }

    /// <summary>
    /// Fetches something a page referenced — a product image — with the run's politeness, robots.txt, address guard,
    /// retries and a size cap. Unlike pages it may live outside the source's hosts (image CDNs); redirects are checked
    /// against robots.txt. Use it while the run is not disposed.
    /// </summary>
    public async Task<FetchResult> FetchResourceAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var refusal = (await _robots.GetAsync(url, cancellationToken)).Policy.Refusal(url);
        if (refusal is not null)
            return FetchResult.Failure(url, url, refusal, _time.GetElapsedTime(started));
        return await _fetcher.FetchAsync(new FetchRequest(url, maxBytes)
        {
            AdmitRedirect = async (target, token) => (await _robots.GetAsync(target, token)).Policy.Refusal(target),
        }, cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
