using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Crawling.Fetching;
using Pursearch.Indexer.Crawling.Pipeline;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Tests.Crawling;

public class CrawlFrontierTests
{
    [Fact]
    public async Task An_origin_due_in_less_than_a_timer_can_wait_is_dispatched_after_one_minimal_timer_not_a_spin()
    {
        var time = new InstrumentedTime();
        var source = new CrawlSource("shop", [new Uri("https://shop.example/a"), new Uri("https://shop.example/b")],
            requestsPerSecond: 5_000, concurrencyPerHost: 2);
        var throttle = new HostThrottle(source.RequestInterval, time);
        var frontier = new CrawlFrontier(source, new CrawlerTrapDetector(new TrapDetectionOptions(), time), throttle, time);
        frontier.Seed();

        var first = await frontier.NextAsync(CancellationToken.None);
        var due = DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(0.9);
        throttle.PauseUntil(first!.Origin, due);
        var readsBefore = time.ClockReads;
        var second = await frontier.NextAsync(CancellationToken.None);

        Assert.NotNull(second);
        Assert.NotEqual(first.Url, second.Url);
        Assert.True(DateTimeOffset.UtcNow >= due, "dispatched before the origin was due");
        // A wait asked of a timer for less than its resolution completes at once: the frontier would spin on the clock.
        Assert.InRange(time.ClockReads - readsBefore, 1, 20);
        Assert.All(time.DueTimes, due => Assert.True(due >= HostThrottle.TimerResolution, $"a timer of {due.TotalMilliseconds} ms"));
    }
}
