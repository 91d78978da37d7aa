using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling.Fetching;

/// <summary>
/// Builds the crawler's <see cref="HttpClient"/>. From the caller down:
/// per-origin resilience (total timeout → retry with jittered exponential backoff honouring Retry-After →
/// circuit breaker) → <see cref="HostThrottleHandler"/> (politeness, per attempt) → per-attempt timeout →
/// sockets (HTTP/1.1, no automatic redirects, gzip/deflate/br, no proxy, connections through
/// <see cref="GuardedConnector"/>, requests paced on the wire by <see cref="WirePacedStream"/>).
/// </summary>
public static class CrawlHttpClientFactory
{
    public static HttpClient Create(CrawlerOptions options, GuardedConnector connector, HostThrottle throttle, TimeProvider time)
    {
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseProxy = false,
            UseCookies = false,
            ConnectCallback = async (context, cancellationToken) => new WirePacedStream(
                await connector.ConnectAsync(context, cancellationToken), throttle,
                UrlCanonicalizer.OriginOf(context.InitialRequestMessage.RequestUri!)),
            ConnectTimeout = options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        var attempt = new ResilienceHandler(AttemptPipeline(options, time)) { InnerHandler = sockets };
        var polite = new HostThrottleHandler(throttle, time, options.MaxRetryAfter) { InnerHandler = attempt };
        var perOrigin = new ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>>(StringComparer.Ordinal);
        var resilient = new ResilienceHandler(request =>
            perOrigin.GetOrAdd(UrlCanonicalizer.OriginOf(request.RequestUri!), _ => OriginPipeline(options, time)))
        {
            InnerHandler = polite,
        };
        return new HttpClient(resilient) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Whether an attempt's outcome is worth another try: transient, not refused by policy, not asking for too long a wait.</summary>
    public static bool IsRetryable(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider time)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
            return false;
        if (outcome.Exception is { } exception)
            return !IsPolicyRefusal(exception);
        return outcome.Result is not { } response || RetryAfter.Of(response, time) is not { } wait || wait <= maxRetryAfter;
    }

    private static ResiliencePipeline<HttpResponseMessage> AttemptPipeline(CrawlerOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout })
            .Build();

    private static ResiliencePipeline<HttpResponseMessage> OriginPipeline(CrawlerOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.TotalTimeout })
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome, options.MaxRetryAfter, time)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(
                    !(args.Outcome.Exception is { } e && IsPolicyRefusal(e)) &&
                    HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            })
            .Build();

    private static bool IsPolicyRefusal(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is NonPublicAddressException)
                return true;
        return false;
    }
}
