using System.Net;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling.Fetching;

/// <summary>
/// Puts every HTTP attempt (first tries, retries and redirect hops alike) through the <see cref="HostThrottle"/>,
/// and pauses an origin that answers 429 or 503 with a Retry-After.
/// </summary>
public sealed class HostThrottleHandler(HostThrottle throttle, TimeProvider time, TimeSpan maxPause) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var origin = UrlCanonicalizer.OriginOf(request.RequestUri!);
        await throttle.WaitTurnAsync(origin, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable &&
            RetryAfter.Of(response, time) is { } pause)
            throttle.PauseUntil(origin, time.GetUtcNow() + (pause < maxPause ? pause : maxPause));
        return response;
    }
}

/// <summary>Reads the Retry-After header (seconds or an HTTP date).</summary>
public static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
