using System.Buffers;
using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling.Fetching;

/// <summary>
/// Fetches one URL: follows redirects itself (so each target is checked for scope, robots and loops first),
/// sends conditional GETs, streams the body under a size cap, and turns every failure into a typed
/// <see cref="CrawlError"/> instead of an exception.
/// </summary>
public sealed class PageFetcher(HttpClient client, CrawlerOptions options, TimeProvider time)
{
    // Most pages fit, so most bodies are read without growing the buffer.
    private const int InitialBodyBuffer = 64 * 1024;

    // Larger buffers (big images) are not pooled: the pool would keep them, and concurrent fetches would keep many.
    private const int MaxPooledBodyBuffer = 1024 * 1024;

    private const string Accept = "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var url = request.Url;
        HashSet<Uri>? visited = null;
        for (var hop = 0; ; hop++)
        {
            using var message = NewRequest(url, hop == 0 ? request.Validators : null);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (Exception e) when (Classify(e, cancellationToken) is { } error)
            {
                return FetchResult.Failure(request.Url, url, error, time.GetElapsedTime(started));
            }
            using (response)
            {
                if (!IsRedirect(response.StatusCode))
                    return await CompleteAsync(request, url, response, started, cancellationToken);
                visited ??= [UrlCanonicalizer.Canonicalize(request.Url)];
                var next = await FollowAsync(request, url, response, hop, visited, cancellationToken);
                if (next.Error is { } refusal)
                    return FetchResult.Failure(request.Url, url, refusal, time.GetElapsedTime(started), (int)response.StatusCode);
                url = next.Target!;
            }
        }
    }

    private HttpRequestMessage NewRequest(Uri url, PageValidators? validators)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept", Accept);
        if (validators?.ETag is { } etag)
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (validators?.LastModified is { } lastModified)
            message.Headers.IfModifiedSince = lastModified;
        return message;
    }

    private async Task<(Uri? Target, CrawlError? Error)> FollowAsync(
        FetchRequest request, Uri url, HttpResponseMessage response, int hop, HashSet<Uri> visited,
        CancellationToken cancellationToken)
    {
        var location = response.Headers.Location;
        if (location is null || !UrlCanonicalizer.TryCanonicalize(location.OriginalString, url, out var target))
            return (null, new CrawlError(CrawlErrorKinds.BadRedirect, $"{(int)response.StatusCode} without a usable Location"));
        if (!visited.Add(target))
            return (null, new CrawlError(CrawlErrorKinds.RedirectLoop, $"redirects back to {target}"));
        if (hop >= options.MaxRedirects)
            return (null, new CrawlError(CrawlErrorKinds.TooManyRedirects, $"more than {options.MaxRedirects} redirects"));
        if (request.AdmitRedirect is { } admit && await admit(target, cancellationToken) is { } refusal)
            return (null, refusal with { Message = $"redirect to {target}: {refusal.Message}" });
        return (target, null);
    }

    private async Task<FetchResult> CompleteAsync(
        FetchRequest request, Uri url, HttpResponseMessage response, long started, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotModified)
            return new FetchResult
            {
                RequestedUrl = request.Url, FinalUrl = url, Status = FetchStatus.NotModified, StatusCode = status,
                Validators = request.Validators, Elapsed = time.GetElapsedTime(started),
            };
        if (!response.IsSuccessStatusCode)
            return FetchResult.Failure(request.Url, url, ErrorOf(response), time.GetElapsedTime(started), status);
        var declared = response.Content.Headers.ContentLength;
        if (declared > request.MaxBytes && !request.TruncateAtLimit)
            return FetchResult.Failure(request.Url, url, TooLarge(request.MaxBytes, $"Content-Length {declared}"),
                time.GetElapsedTime(started), status);
        try
        {
            var (body, truncated) = await ReadBodyAsync(response, request, cancellationToken);
            if (body is null)
                return FetchResult.Failure(request.Url, url, TooLarge(request.MaxBytes, "body"), time.GetElapsedTime(started), status);
            return new FetchResult
            {
                RequestedUrl = request.Url, FinalUrl = url, Status = FetchStatus.Fetched, StatusCode = status,
                ContentType = response.Content.Headers.ContentType?.ToString(), Body = body, Truncated = truncated,
                Validators = ValidatorsOf(response), RobotsTag = RobotsTagOf(response),
                Elapsed = time.GetElapsedTime(started),
            };
        }
        catch (Exception e) when (Classify(e, cancellationToken) is { } error)
        {
            return FetchResult.Failure(request.Url, url, error, time.GetElapsedTime(started), status);
        }
    }

    /// <summary>
    /// Reads the body up to the limit; null when it is larger and must not be truncated. The bytes gather in a pooled
    /// buffer that doubles as needed, and only the result is allocated, at its exact size.
    /// </summary>
    private async Task<(byte[]? Body, bool Truncated)> ReadBodyAsync(
        HttpResponseMessage response, FetchRequest request, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.AttemptTimeout);
        await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token);
        // No byte array holds more than Array.MaxLength: a body that fills one is too large whatever the limit.
        var limit = Math.Min(request.MaxBytes, Array.MaxLength - 1);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBodyBuffer);
        try
        {
            var length = 0;
            int read;
            while ((read = await ReadAsync(stream, buffer.AsMemory(length), deadline.Token)) > 0)
            {
                length += read;
                if (length > limit)
                    return request.TruncateAtLimit ? (buffer.AsSpan(0, (int)limit).ToArray(), true) : (null, false);
                if (length == buffer.Length)
                    buffer = Grow(buffer);
            }
            return (buffer.AsSpan(0, length).ToArray(), false);
        }
        finally
        {
            Release(buffer);
        }
    }

    private static byte[] Grow(byte[] full)
    {
        var size = (int)Math.Min(2L * full.Length, Array.MaxLength);
        var larger = size <= MaxPooledBodyBuffer ? ArrayPool<byte>.Shared.Rent(size) : GC.AllocateUninitializedArray<byte>(size);
        full.CopyTo(larger, 0);
        Release(full);
        return larger;
    }

    private static void Release(byte[] buffer)
    {
        if (buffer.Length <= MaxPooledBodyBuffer)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    private static async Task<int> ReadAsync(Stream stream, Memory<byte> free, CancellationToken token)
    {
        try
        {
            return await stream.ReadAsync(free, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw new TimeoutRejectedException("the body did not arrive in time");
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static CrawlError ErrorOf(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = $"{status} {response.ReasonPhrase}".Trim();
        return status switch
        {
            429 => new CrawlError(CrawlErrorKinds.RateLimited, text),
            >= 500 => new CrawlError(CrawlErrorKinds.Http5xx, text),
            >= 400 => new CrawlError(CrawlErrorKinds.Http4xx, text),
            _ => new CrawlError(CrawlErrorKinds.BadRedirect, text),
        };
    }

    private static CrawlError TooLarge(long limit, string what) =>
        new(CrawlErrorKinds.TooLarge, $"{what} exceeds the limit of {limit} bytes");

    private static CrawlError? Classify(Exception exception, CancellationToken cancellationToken)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is NonPublicAddressException refused)
                return new CrawlError(CrawlErrorKinds.PrivateAddress, refused.Message);
        return exception switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested =>
                new CrawlError(CrawlErrorKinds.Cancelled, "the run was cancelled or ran out of time"),
            TimeoutRejectedException or OperationCanceledException =>
                new CrawlError(CrawlErrorKinds.Timeout, exception.Message),
            BrokenCircuitException => new CrawlError(CrawlErrorKinds.CircuitOpen, exception.Message),
            HttpRequestException or IOException or InvalidDataException =>
                new CrawlError(CrawlErrorKinds.Network, InnermostMessage(exception)),
            _ => null,
        };
    }

    private static string InnermostMessage(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null)
            e = e.InnerException;
        return e == exception ? e.Message : $"{exception.Message} ({e.Message})";
    }

    private static PageValidators? ValidatorsOf(HttpResponseMessage response)
    {
        var validators = new PageValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
        return validators.IsEmpty ? null : validators;
    }

    private static string? RobotsTagOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Robots-Tag", out var values) ? string.Join(", ", values) : null;
}
