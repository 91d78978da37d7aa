namespace Pursearch.Indexer.Crawling.Fetching;

/// <summary>One GET to make: the URL, the size limit, validators for a conditional GET, and who admits redirect targets.</summary>
public sealed record FetchRequest(Uri Url, long MaxBytes)
{
    public PageValidators? Validators { get; init; }
    /// <summary>Keep the first <see cref="MaxBytes"/> instead of failing as too-large (robots.txt).</summary>
    public bool TruncateAtLimit { get; init; }
    /// <summary>Checks each redirect target before it is requested; a non-null error stops the chain.</summary>
    public Func<Uri, CancellationToken, ValueTask<CrawlError?>>? AdmitRedirect { get; init; }
}

/// <summary>How a fetch ended.</summary>
public enum FetchStatus
{
    Fetched,
    NotModified,
    Failed,
}

/// <summary>The outcome of one fetch, after redirects: the body, or 304, or an error of a kind.</summary>
public sealed record FetchResult
{
    public required Uri RequestedUrl { get; init; }
    public required Uri FinalUrl { get; init; }
    public required FetchStatus Status { get; init; }
    public int StatusCode { get; init; }
    public string? ContentType { get; init; }
    public byte[] Body { get; init; } = [];
    public bool Truncated { get; init; }
    public PageValidators? Validators { get; init; }
    /// <summary>The X-Robots-Tag header values, joined.</summary>
    public string? RobotsTag { get; init; }
    public CrawlError? Error { get; init; }
    public TimeSpan Elapsed { get; init; }

    public static FetchResult Failure(Uri requested, Uri final, CrawlError error, TimeSpan elapsed, int statusCode = 0) =>
        new()
        {
            RequestedUrl = requested, FinalUrl = final, Status = FetchStatus.Failed, Error = error,
            Elapsed = elapsed, StatusCode = statusCode,
        };
}
