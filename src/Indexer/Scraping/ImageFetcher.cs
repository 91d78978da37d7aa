using System.Collections.Concurrent;
using Pursearch.Core.Scraping;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Crawling.Fetching;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.Scraping;

/// <summary>Fetches a resource the way the crawl run does (politeness, robots.txt, address guard, retries, size cap).</summary>
public delegate Task<FetchResult> FetchResource(Uri url, long maxBytes, CancellationToken cancel);

/// <summary>How fetching one image ended: the stored image's hash, or an error to record.</summary>
public sealed record ImageFetch(string? Sha256, ScrapeError? Error, bool Stored);

/// <summary>
/// Downloads product images, inspects them (<see cref="ImageInspection"/>) and stores them content-addressed. Each image
/// URL is fetched at most once per run: products sharing a photo share the download.
/// </summary>
public sealed class ImageFetcher(FetchResource fetch, IImageStore images, ImageInspection inspection, long maxBytes,
    ScrapeCounters counters, TimeProvider time)
{
    private readonly ConcurrentDictionary<Uri, Lazy<Task<ImageFetch>>> _byUrl = new();
    private readonly long _maxBytes = Math.Min(maxBytes, images.MaxBytes);

    public Task<ImageFetch> FetchAsync(Uri url, CancellationToken cancel) =>
        _byUrl.GetOrAdd(url, u => new Lazy<Task<ImageFetch>>(() => DownloadAsync(u, cancel))).Value;

    private async Task<ImageFetch> DownloadAsync(Uri url, CancellationToken cancel)
    {
        var result = await fetch(url, _maxBytes, cancel);
        if (result.Status != FetchStatus.Fetched)
        {
            var error = result.Error ?? new CrawlError(CrawlErrorKinds.Http4xx, $"{result.StatusCode} for an image");
            return Failed(ScrapeErrorKinds.OfImageFetch(error), url, error.Message);
        }
        var verdict = inspection.Inspect(result.Body);
        if (!verdict.IsUsable)
            return Failed(verdict.ErrorKind!, url, verdict.Message!);
        try
        {
            var put = await images.PutAsync(new MemoryStream(result.Body, writable: false), verdict.MediaType, cancel);
            counters.Add(put.Created ? ScrapeCounters.ImagesStored : ScrapeCounters.ImagesDeduplicated);
            counters.Add(ScrapeCounters.ImagesFetched);
            return new ImageFetch(put.Image.Sha256, null, put.Created);
        }
        catch (ImageTooLargeException e)
        {
            return Failed(ScrapeErrorKinds.ImageTooLarge, url, e.Message);
        }
    }

    private ImageFetch Failed(string kind, Uri url, string message)
    {
        counters.Add(ScrapeCounters.ImagesFailed);
        return new ImageFetch(null, new ScrapeError(kind, url.AbsoluteUri, message, time.GetUtcNow()), false);
    }
}
