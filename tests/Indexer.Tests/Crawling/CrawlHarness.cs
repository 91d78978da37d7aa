using System.Collections.Concurrent;
using Akka.Actor;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Tests.Crawling;

/// <summary>One quiet ActorSystem shared by the crawl tests of a class.</summary>
public sealed class ActorSystemFixture : IDisposable
{
    public ActorSystem System { get; } = LocalActorSystem.Create("crawl-tests");

    public void Dispose() => System.Terminate().Wait(TimeSpan.FromSeconds(10));
}

/// <summary>Collects every event of a run.</summary>
public sealed class CollectingSink : ICrawlEventSink
{
    private readonly ConcurrentQueue<CrawlEvent> _events = new();

    public IReadOnlyList<CrawlEvent> Events => _events.ToList();

    public IReadOnlyList<ProductExtracted> Products => Events.OfType<ProductExtracted>().ToList();

    public IReadOnlyList<PageFailed> Failures(string kind) =>
        Events.OfType<PageFailed>().Where(f => f.Error.Kind == kind).ToList();

    public ValueTask AcceptAsync(CrawlEvent crawlEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(crawlEvent);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Options that keep end-to-end crawls fast: short backoff, small limits, a breaker that stays closed.</summary>
public static class TestCrawls
{
    public static CrawlerOptions Options { get; } = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryDelay = TimeSpan.FromMilliseconds(500),
        MaxRetries = 2,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(30),
        MaxResponseBytes = 1024 * 1024,
        BreakerMinimumThroughput = 1000,
        Traps = new TrapDetectionOptions { MaxDatedVariantsPerShape = 4 },
    };

    public static async Task<(CollectingSink Sink, CrawlSummary Summary)> RunAsync(
        ActorSystem system, CrawlSource source, CrawlerOptions? options = null, IPageValidatorLookup? validators = null)
    {
        var sink = new CollectingSink();
        using var run = new Crawler(system, options ?? Options, validators).Prepare(source);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var summary = await run.RunAsync(sink, timeout.Token);
        return (sink, summary);
    }
}
