using Pursearch.Core;
using Pursearch.Indexer.Crawling.Extraction;
using Pursearch.Indexer.Crawling.Fetching;
using Pursearch.Indexer.Crawling.Robots;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling.Pipeline;

/// <summary>A request after the fetch stage: the fetch result, or why no request was sent, plus new robots.txt sitemaps.</summary>
public sealed record FetchedPage(CrawlRequest Request, FetchResult? Result, CrawlError? Refusal, IReadOnlyList<Uri> RobotsSitemaps);

/// <summary>A request fully handled: the events to emit and the links to offer the frontier.</summary>
public sealed record PageResult(CrawlRequest Request, IReadOnlyList<CrawlEvent> Events, IReadOnlyList<DiscoveredLink> Links);

/// <summary>
/// The working stage of the crawl graph, one request at a time: fetch (robots.txt check, conditional GET, redirects
/// admitted only in scope and allowed by robots.txt), then process (sitemap or HTML, products and links). It never
/// throws: every failure becomes a <see cref="PageFailed"/> of its kind, so one page can never stop the run.
/// </summary>
public sealed class PageProcessor(
    CrawlSource source, CrawlerOptions options, PageFetcher fetcher, RobotsCache robots, IPageValidatorLookup validators,
    ParseQueue parsing, TimeProvider time)
{
    private readonly PageLinkResolver _links = new();

    /// <summary>
    /// Fetches and processes one request. Processing is CPU bound and goes through the <see cref="ParseQueue"/>: on the
    /// thread that read the response when a parsing slot is free, else queued for a thread that is parsing already.
    /// A stage of its own (<c>Task.Run</c>) cost a thread hop and a message to the graph per page, about 8 % of the
    /// crawler's throughput (DEVELOPERS.md).
    /// </summary>
    public async Task<PageResult> HandleAsync(CrawlRequest request, CancellationToken cancellationToken)
    {
        // A fetch that completes at once (refused by robots.txt, say) returns on the graph's own thread: leave it first.
        var fetched = await FetchAsync(request, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        return await parsing.RunAsync(() => Process(fetched, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<FetchedPage> FetchAsync(CrawlRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<Uri> sitemaps = [];
        try
        {
            var lookup = await robots.GetAsync(request.Url, cancellationToken);
            if (source.FollowRobotsSitemaps)
                sitemaps = lookup.NewSitemaps;
            if (lookup.Policy.Refusal(request.Url) is { } refusal)
                return new FetchedPage(request, null, refusal, sitemaps);
            var known = request.Kind == RequestKind.Page ? await validators.FindAsync(request.Url, cancellationToken) : null;
            var maxBytes = request.Kind == RequestKind.Sitemap ? options.MaxSitemapBytes : options.MaxResponseBytes;
            var result = await fetcher.FetchAsync(
                new FetchRequest(request.Url, maxBytes) { Validators = known, AdmitRedirect = AdmitRedirectAsync },
                cancellationToken);
            return new FetchedPage(request, result, null, sitemaps);
        }
        catch (Exception e)
        {
            return new FetchedPage(request, null, ErrorOf(e, CrawlErrorKinds.Internal, cancellationToken), sitemaps);
        }
    }

    private PageResult Process(FetchedPage page, CancellationToken cancellationToken)
    {
        var links = page.RobotsSitemaps.Select(url => new DiscoveredLink(UrlCanonicalizer.Canonicalize(url), 0, RequestKind.Sitemap)).ToList();
        try
        {
            var (events, found) = Handle(page);
            links.AddRange(found);
            return new PageResult(page.Request, events, links);
        }
        catch (Exception e)
        {
            return new PageResult(page.Request, [Failed(page.Request, ErrorOf(e, CrawlErrorKinds.ParseError, cancellationToken))], links);
        }
    }

    private (List<CrawlEvent> Events, List<DiscoveredLink> Links) Handle(FetchedPage page)
    {
        var request = page.Request;
        if (page.Refusal is { } refusal)
            return ([Failed(request, refusal)], []);
        var result = page.Result!;
        switch (result.Status)
        {
            case FetchStatus.Failed:
                return ([Failed(request, result.Error!)], []);
            case FetchStatus.NotModified:
                return ([new PageNotModified(request.Url, time.GetUtcNow(), result.Validators!, result.Elapsed)], []);
        }
        if (request.Kind == RequestKind.Sitemap || SitemapParser.LooksLikeSitemap(result.Body, result.ContentType))
            return HandleSitemap(request, result);
        if (!IsHtml(result))
            return ([new PageSkipped(request.Url, time.GetUtcNow(), $"not an HTML page ({result.ContentType ?? "no content type"})", 0)], []);
        var html = HtmlPage.Parse(result.Body, result.ContentType, result.FinalUrl);
        return HandleHtml(request, result, html);
    }

    private (List<CrawlEvent>, List<DiscoveredLink>) HandleSitemap(CrawlRequest request, FetchResult result)
    {
        SitemapDocument sitemap;
        try
        {
            sitemap = SitemapParser.Parse(result.Body, result.FinalUrl, options.MaxSitemapBytes, options.MaxSitemapUrls,
                allowPlainText: request.Kind == RequestKind.Sitemap);
        }
        catch (SitemapFormatException e)
        {
            return ([Failed(request, new CrawlError(CrawlErrorKinds.ParseError, e.Message))], []);
        }
        var links = sitemap.Locations
            .Select(UrlCanonicalizer.Canonicalize)
            .Select(url => sitemap.Kind == SitemapKind.Index
                ? new DiscoveredLink(url, request.Depth, RequestKind.Sitemap)
                : new DiscoveredLink(url, request.Depth + 1, RequestKind.Page))
            .ToList();
        var fetched = new PageFetched(request.Url, time.GetUtcNow(), result.FinalUrl, result.StatusCode, PageKind.Sitemap, 0,
            links.Count, null, result.Body.LongLength, result.Elapsed);
        return ([fetched], links);
    }

    private (List<CrawlEvent>, List<DiscoveredLink>) HandleHtml(CrawlRequest request, FetchResult result, HtmlPage html)
    {
        var pageLinks = LinkExtractor.Extract(html, options.RobotsProductToken, result.RobotsTag, _links);
        var links = pageLinks.Links.Select(url => new DiscoveredLink(url, request.Depth + 1, RequestKind.Page))
            .Concat(pageLinks.Pagination.Select(url => new DiscoveredLink(url, request.Depth, RequestKind.Page)))
            .ToList();
        var extraction = ProductExtractor.Extract(html);
        var now = time.GetUtcNow();
        if (pageLinks.NoIndex && extraction.HasProductMarkup)
            return ([new PageSkipped(request.Url, now, "the page asks not to be indexed (noindex)", links.Count)], links);
        var events = new List<CrawlEvent>();
        var reasons = extraction.SkipReasons.ToList();
        foreach (var extracted in extraction.Products)
        {
            try
            {
                events.Add(new ProductExtracted(request.Url, now, extracted.ToProduct(source.Retailer, now), extracted));
            }
            catch (DomainException e)
            {
                reasons.Add($"invalid product {extracted.Sku}: {e.Message}");
            }
        }
        if (events.Count == 0 && reasons.Count > 0)
            return ([new PageSkipped(request.Url, now, string.Join("; ", reasons), links.Count)], links);
        var kind = events.Count > 0 ? PageKind.Product : PageKind.Listing;
        events.Add(new PageFetched(request.Url, now, result.FinalUrl, result.StatusCode, kind, events.Count, links.Count,
            kind == PageKind.Product ? result.Validators : null, result.Body.LongLength, result.Elapsed));
        return (events, links);
    }

    private async ValueTask<CrawlError?> AdmitRedirectAsync(Uri target, CancellationToken cancellationToken)
    {
        if (!source.Scope.Contains(target))
            return new CrawlError(CrawlErrorKinds.OutOfScope, "outside the allowed hosts");
        var lookup = await robots.GetAsync(target, cancellationToken);
        return lookup.Policy.Refusal(target);
    }

    /// <summary>HTML by its Content-Type; without one, a body that starts with markup is taken for HTML, as browsers do.</summary>
    private static bool IsHtml(FetchResult result)
    {
        if (result.ContentType is { } type)
            return type.Contains("html", StringComparison.OrdinalIgnoreCase);
        return BodyStart.Of(result.Body, 512).StartsWith("<"u8);
    }

    private PageFailed Failed(CrawlRequest request, CrawlError error) => new(request.Url, time.GetUtcNow(), error);

    private static CrawlError ErrorOf(Exception exception, string kind, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested
            ? new CrawlError(CrawlErrorKinds.Cancelled, "the run was cancelled or ran out of time")
            : new CrawlError(kind, $"{exception.GetType().Name}: {exception.Message}");
}
