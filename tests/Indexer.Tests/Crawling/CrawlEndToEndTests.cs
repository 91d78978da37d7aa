using System.Text;
using Microsoft.AspNetCore.Http;
using Pursearch.Core.Catalog;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Tests.Crawling;

[Collection(ArrivalPacingCollection.Name)]
public class CrawlEndToEndTests(ActorSystemFixture actors) : IClassFixture<ActorSystemFixture>
{
    private static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The crawler spaces the moments it writes requests exactly (see HostThrottleTests); what the server logs also
    /// carries its own scheduling delays on a busy machine, so arrivals are judged over windows of up to nine
    /// requests with one interval of slack: a crawler running more than 1/7 over its limit fails this.
    /// </summary>
    private static void AssertNoFasterThan(TestSite site, TimeSpan interval)
    {
        var window = Math.Min(9, site.Requests.Count);
        Assert.True(window >= 5, $"only {window} requests to judge the rate by");
        var span = site.ShortestSpan(window);
        Assert.True(span >= (window - 1) * interval - interval,
            $"{window} requests within {span.TotalMilliseconds:0} ms at one per {interval.TotalMilliseconds:0} ms: {site.DescribeGaps()}");
    }

    [Fact]
    public async Task Crawls_a_faulty_shop_politely_extracting_every_product_and_recording_each_fault()
    {
        await using var shop = await ShopSite.StartAsync();
        await using var other = await TestSite.StartAsync(async (context, site) =>
        {
            if (context.Request.Path == "/")
                await context.Response.WriteAsync(string.Concat(Enumerable.Range(1, 4).Select(i => $"<a href='/b/{i}'>{i}</a>")));
            else if (context.Request.Path.StartsWithSegments("/b"))
                await context.Response.WriteAsync($$"""
                    <script type="application/ld+json">{ "@type": "Product", "name": "Other {{context.Request.Path}}", "brand": "B",
                      "image": "/i.jpg", "offers": { "price": "5", "priceCurrency": "USD" } }</script>
                    """);
            else
                context.Response.StatusCode = 404;
        });
        var source = new CrawlSource("shop", [shop.Url("/"), shop.Url("/sitemap_index.xml"), other.Url("/")],
            requestsPerSecond: 20, concurrencyPerHost: 2, allowPrivate: true);

        var (sink, summary) = await TestCrawls.RunAsync(actors.System, source);

        Assert.Equal(CrawlStopReason.Completed, summary.StopReason);
        AssertEveryProductExtractedExactly(sink, shop);
        Assert.Equal(4, sink.Products.Count(p => p.Url.Port == other.BaseUri.Port));

        var log = shop.Requests;
        Assert.DoesNotContain(log, r => r.PathAndQuery.StartsWith("/private/", StringComparison.Ordinal));
        Assert.DoesNotContain(log, r => r.PathAndQuery.Contains("sort=", StringComparison.Ordinal));
        Assert.All(log.Concat(other.Requests), r => Assert.StartsWith("PursearchBot/", r.UserAgent));
        Assert.Equal("/robots.txt", log[0].PathAndQuery);
        Assert.Equal(1, shop.CountOf("/robots.txt"));
        AssertNoFasterThan(shop, TimeSpan.FromSeconds(ShopSite.CrawlDelaySeconds));
        AssertNoFasterThan(other, TimeSpan.FromSeconds(1 / 20.0));

        var limited = log.Where(r => r.PathAndQuery == "/p/limited").ToList();
        Assert.Equal([429, 200], limited.Select(r => r.Status));
        Assert.True(limited[1].Arrived - limited[0].Arrived >= TimeSpan.FromSeconds(1) - Jitter, "Retry-After: 1 not honoured");
        Assert.Equal([503, 503, 200], log.Where(r => r.PathAndQuery == "/p/burst").Select(r => r.Status));
        Assert.Equal(3, shop.CountOf("/broken"));

        AssertFailure(sink, CrawlErrorKinds.Http5xx, "/broken");
        AssertFailure(sink, CrawlErrorKinds.Http4xx, "/p/gone");
        AssertFailure(sink, CrawlErrorKinds.RedirectLoop, "/loop-a");
        AssertFailure(sink, CrawlErrorKinds.TooManyRedirects, "/chain/1");
        Assert.Equal(6, log.Count(r => r.PathAndQuery.StartsWith("/chain/", StringComparison.Ordinal)));
        AssertFailure(sink, CrawlErrorKinds.OutOfScope, "/p/away");
        AssertFailure(sink, CrawlErrorKinds.TooLarge, "/huge");
        AssertFailure(sink, CrawlErrorKinds.TooLarge, "/huge-stream");
        AssertFailure(sink, CrawlErrorKinds.RobotsDisallowed, "/private/secret-bag");
        AssertFailure(sink, CrawlErrorKinds.RobotsDisallowed, "/list?sort=price");
        AssertFailure(sink, CrawlErrorKinds.Trap, "/calendar/2026-05");
        Assert.Equal(4, log.Count(r => r.PathAndQuery.StartsWith("/calendar/", StringComparison.Ordinal)));
        var skipped = Assert.Single(sink.Events.OfType<PageSkipped>());
        Assert.Equal("/p/no-price", skipped.Url.AbsolutePath);
        Assert.StartsWith("no price", skipped.Reason);

        var progress = summary.Progress;
        Assert.Equal(ShopSite.Products.Length + 4, progress.ProductsExtracted);
        Assert.Equal(1, progress.PagesSkipped);
        Assert.Equal(3, progress.SitemapsFetched);
        Assert.Equal(sink.Events.OfType<PageFailed>().Count(), progress.Errors);
        Assert.True(progress.LinksOutOfScope >= 1);
        Assert.Equal(0, progress.InFlight);
        Assert.Equal(0, progress.Queued);
    }

    [Fact]
    public async Task A_second_crawl_gets_304s_for_product_pages_and_emits_no_products()
    {
        var etag = "\"v1\"";
        await using var site = await TestSite.StartAsync(async (context, _) =>
        {
            var path = context.Request.Path.Value!;
            if (path == "/")
            {
                context.Response.Headers.ETag = "\"home\"";
                await context.Response.WriteAsync("<a href='/p/1'>1</a><a href='/p/2'>2</a><a href='/p/3'>3</a>");
                return;
            }
            if (!path.StartsWith("/p/", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                return;
            }
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }
            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = "Tue, 01 Dec 2026 10:00:00 GMT";
            await context.Response.WriteAsync($$"""
                <script type="application/ld+json">{ "@type": "Product", "name": "Bag {{path}}", "sku": "{{path[3..]}}",
                  "brand": "B", "image": "/i.jpg", "offers": { "price": "5", "priceCurrency": "USD" } }</script>
                """);
        });
        var source = new CrawlSource("shop", [site.Url("/")], requestsPerSecond: 50, allowPrivate: true);
        var validators = new InMemoryPageValidators();

        var (first, _) = await TestCrawls.RunAsync(actors.System, source, validators: validators);
        foreach (var crawlEvent in first.Events)
            validators.Observe(crawlEvent);
        var (second, summary) = await TestCrawls.RunAsync(actors.System, source, validators: validators);

        Assert.Equal(3, first.Products.Count);
        Assert.Equal(3, validators.Count);
        Assert.Empty(second.Products);
        Assert.Equal(3, summary.Progress.NotModified);
        Assert.Equal(["/p/1", "/p/2", "/p/3"], second.Events.OfType<PageNotModified>().Select(e => e.Url.AbsolutePath).Order());
        var secondRun = site.Requests.Skip(site.Requests.Count / 2).ToList();
        Assert.All(secondRun.Where(r => r.PathAndQuery.StartsWith("/p/", StringComparison.Ordinal)), r =>
        {
            Assert.Equal(etag, r.IfNoneMatch);
            Assert.Equal(304, r.Status);
        });
        Assert.Contains(secondRun, r => r is { PathAndQuery: "/", Status: 200 });
    }

    [Theory]
    [InlineData(503, CrawlErrorKinds.RobotsUnavailable, 0)]
    [InlineData(429, CrawlErrorKinds.RobotsUnavailable, 0)]
    [InlineData(404, null, 1)]
    [InlineData(403, null, 1)]
    [InlineData(401, null, 1)]
    public async Task Robots_txt_4xx_allows_everything_and_5xx_disallows_everything(int status, string? errorKind, int products)
    {
        await using var site = await TestSite.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == "/robots.txt")
                context.Response.StatusCode = status;
            else
                await context.Response.WriteAsync("""
                    <script type="application/ld+json">{ "@type": "Product", "name": "Bag", "sku": "1", "brand": "B",
                      "image": "/i.jpg", "offers": { "price": "5", "priceCurrency": "USD" } }</script>
                    """);
        });
        var source = new CrawlSource("shop", [site.Url("/p/1")], requestsPerSecond: 50, allowPrivate: true);

        var (sink, _) = await TestCrawls.RunAsync(actors.System, source);

        Assert.Equal(products, sink.Products.Count);
        if (errorKind is null)
            return;
        Assert.Single(sink.Failures(errorKind));
        Assert.All(site.Requests, r => Assert.Equal("/robots.txt", r.PathAndQuery));
    }

    [Fact]
    public async Task Private_addresses_are_refused_unless_allowed_and_nothing_reaches_the_server()
    {
        await using var site = await TestSite.StartAsync((context, _) => context.Response.WriteAsync("<a href='/x'>x</a>"));
        var localhost = new UriBuilder(site.BaseUri) { Host = "localhost" }.Uri;
        var source = new CrawlSource("shop", [site.Url("/"), localhost], requestsPerSecond: 50);

        var (sink, summary) = await TestCrawls.RunAsync(actors.System, source);

        Assert.Equal(2, sink.Failures(CrawlErrorKinds.PrivateAddress).Count);
        Assert.Equal(0, summary.Progress.PagesFetched);
        Assert.Empty(site.Requests);
    }

    [Fact]
    public async Task A_redirect_to_a_non_public_address_is_checked_again_and_refused()
    {
        await using var site = await TestSite.StartAsync((context, site) =>
        {
            if (context.Request.Path == "/go")
                context.Response.Redirect($"http://127.0.0.2:{site.BaseUri.Port}/inside");
            else
                context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        var source = new CrawlSource("shop", [site.Url("/go")], ["127.0.0.1", "127.0.0.2"], requestsPerSecond: 50,
            allowedNetworks: [System.Net.IPNetwork.Parse("127.0.0.1/32")]);

        var (sink, _) = await TestCrawls.RunAsync(actors.System, source);

        var refused = Assert.Single(sink.Events.OfType<PageFailed>());
        Assert.Equal(CrawlErrorKinds.PrivateAddress, refused.Error.Kind);
        Assert.Contains("127.0.0.2", refused.Error.Message);
        Assert.Equal(["/robots.txt", "/go"], site.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task The_page_budget_stops_the_crawl()
    {
        await using var site = await LinkFarmAsync();
        var source = new CrawlSource("shop", [site.Url("/")], requestsPerSecond: 100, maxPages: 4, allowPrivate: true);

        var (_, summary) = await TestCrawls.RunAsync(actors.System, source);

        Assert.Equal(CrawlStopReason.PageBudget, summary.StopReason);
        Assert.Equal(4, site.Requests.Count(r => r.PathAndQuery != "/robots.txt"));
        Assert.True(summary.Progress.Queued > 0);
    }

    [Fact]
    public async Task The_depth_budget_limits_how_far_links_are_followed()
    {
        await using var site = await LinkFarmAsync();
        var source = new CrawlSource("shop", [site.Url("/")], requestsPerSecond: 100, maxDepth: 1, allowPrivate: true);

        var (_, summary) = await TestCrawls.RunAsync(actors.System, source);

        Assert.Equal(CrawlStopReason.Completed, summary.StopReason);
        Assert.Equal(["/", "/d/1", "/d/2", "/d/3"], site.Requests.Where(r => r.PathAndQuery != "/robots.txt").Select(r => r.PathAndQuery).Order());
        Assert.Equal(9, summary.Progress.LinksTooDeep);
    }

    [Fact]
    public async Task The_time_budget_ends_the_run_and_cancels_what_is_in_flight()
    {
        await using var site = await TestSite.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == "/slow")
                await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted).ContinueWith(_ => { });
            else
                await context.Response.WriteAsync("<a href='/slow'>slow</a>");
        });
        var source = new CrawlSource("shop", [site.Url("/")], requestsPerSecond: 50, timeBudget: TimeSpan.FromSeconds(1.5),
            allowPrivate: true);
        var started = DateTime.UtcNow;

        var (sink, summary) = await TestCrawls.RunAsync(actors.System, source);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(6));
        Assert.Equal(CrawlStopReason.TimeBudget, summary.StopReason);
        Assert.Single(sink.Failures(CrawlErrorKinds.Cancelled));
    }

    [Fact]
    public async Task A_slow_server_times_out_after_the_retries()
    {
        await using var site = await TestSite.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == "/robots.txt")
                context.Response.StatusCode = 404;
            else
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { });
        });
        var options = TestCrawls.Options with { AttemptTimeout = TimeSpan.FromSeconds(1), MaxRetries = 1 };
        var source = new CrawlSource("shop", [site.Url("/slow")], requestsPerSecond: 50, allowPrivate: true);

        var (sink, _) = await TestCrawls.RunAsync(actors.System, source, options);

        Assert.Single(sink.Failures(CrawlErrorKinds.Timeout));
        Assert.Equal(2, site.CountOf("/slow"));
    }

    [Fact]
    public async Task A_robots_txt_that_times_out_disallows_everything()
    {
        await using var site = await TestSite.StartAsync(async (context, _) =>
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }));
        var options = TestCrawls.Options with { AttemptTimeout = TimeSpan.FromSeconds(1), MaxRetries = 1 };
        var source = new CrawlSource("shop", [site.Url("/page")], requestsPerSecond: 50, allowPrivate: true);

        var (sink, _) = await TestCrawls.RunAsync(actors.System, source, options);

        Assert.Single(sink.Failures(CrawlErrorKinds.RobotsUnavailable));
        Assert.All(site.Requests, r => Assert.Equal("/robots.txt", r.PathAndQuery));
    }

    [Fact]
    public async Task A_body_that_stops_arriving_times_out()
    {
        await using var site = await TestSite.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                context.Response.StatusCode = 404;
                return;
            }
            if (context.Request.Path == "/trickle")
            {
                await context.Response.WriteAsync("<html>");
                await context.Response.Body.FlushAsync();
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { });
                return;
            }
            await context.Response.WriteAsync("<a href='/trickle'>t</a>");
        });
        var options = TestCrawls.Options with { AttemptTimeout = TimeSpan.FromSeconds(1) };
        var source = new CrawlSource("shop", [site.Url("/")], requestsPerSecond: 50, allowPrivate: true);

        var (sink, _) = await TestCrawls.RunAsync(actors.System, source, options);

        var timeout = Assert.Single(sink.Failures(CrawlErrorKinds.Timeout));
        Assert.Equal("/trickle", timeout.Url.AbsolutePath);
    }

    [Fact]
    public async Task The_circuit_breaker_stops_hammering_a_failing_host()
    {
        await using var site = await TestSite.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == "/")
                await context.Response.WriteAsync(string.Concat(Enumerable.Range(1, 12).Select(i => $"<a href='/fail/{i}'>{i}</a>")));
            else if (context.Request.Path == "/robots.txt")
                context.Response.StatusCode = 404;
            else
                context.Response.StatusCode = 500;
        });
        var options = TestCrawls.Options with
        {
            MaxRetries = 1, BreakerMinimumThroughput = 6, BreakerFailureRatio = 0.5,
            BreakerSamplingDuration = TimeSpan.FromSeconds(30), BreakerBreakDuration = TimeSpan.FromSeconds(30),
        };
        var source = new CrawlSource("shop", [site.Url("/")], requestsPerSecond: 100, allowPrivate: true);

        var (sink, _) = await TestCrawls.RunAsync(actors.System, source, options);

        Assert.NotEmpty(sink.Failures(CrawlErrorKinds.CircuitOpen));
        Assert.Equal(12, sink.Failures(CrawlErrorKinds.CircuitOpen).Count + sink.Failures(CrawlErrorKinds.Http5xx).Count);
        Assert.True(site.Requests.Count(r => r.PathAndQuery.StartsWith("/fail/", StringComparison.Ordinal)) < 12 * 2);
    }

    [Fact]
    public async Task A_start_url_outside_explicit_hosts_is_refused()
    {
        await using var site = await LinkFarmAsync();
        var source = new CrawlSource("shop", [site.Url("/")], ["shop.example"], allowPrivate: true);

        var (sink, _) = await TestCrawls.RunAsync(actors.System, source);

        Assert.Single(sink.Failures(CrawlErrorKinds.OutOfScope));
        Assert.Empty(site.Requests);
    }

    [Fact]
    public async Task A_slow_consumer_holds_the_crawl_back()
    {
        await using var site = await TestSite.StartAsync(async (context, _) =>
        {
            var path = context.Request.Path.Value!;
            if (path == "/robots.txt")
                context.Response.StatusCode = 404;
            else if (path == "/")
                await context.Response.WriteAsync(string.Concat(Enumerable.Range(1, 150).Select(i => $"<a href='/p/{i}'>{i}</a>")));
            else
                await context.Response.WriteAsync($$"""
                    <script type="application/ld+json">{ "@type": "Product", "name": "Bag", "sku": "{{path[3..]}}", "brand": "B",
                      "image": "/i.jpg", "offers": { "price": "5", "priceCurrency": "USD" } }</script>
                    """);
        });
        var source = new CrawlSource("shop", [site.Url("/")], requestsPerSecond: 1000, concurrencyPerHost: 8, allowPrivate: true);
        var release = new TaskCompletionSource();
        var sink = new GatedSink(release.Task);
        using var run = new Crawler(actors.System, TestCrawls.Options).Prepare(source);

        var crawl = run.RunAsync(sink, CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (run.Progress.Queued == 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(50);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var whileBlocked = site.Requests.Count;
        var progressWhileBlocked = run.Progress;
        release.SetResult();
        var summary = await crawl;

        Assert.True(whileBlocked < 60, $"{whileBlocked} requests while the consumer was blocked");
        Assert.True(progressWhileBlocked.Queued > 80, $"{progressWhileBlocked.Queued} queued while blocked");
        Assert.Equal(150, summary.Progress.ProductsExtracted);
        Assert.Equal(152, site.Requests.Count);
    }

    [Fact]
    public async Task Resources_such_as_images_are_fetched_through_the_same_guards()
    {
        await using var site = await TestSite.StartAsync(async (context, _) =>
        {
            switch (context.Request.Path.Value)
            {
                case "/robots.txt":
                    await context.Response.WriteAsync("User-agent: *\nDisallow: /hidden/\n");
                    break;
                case "/img/bag.jpg":
                    context.Response.ContentType = "image/jpeg";
                    await context.Response.Body.WriteAsync(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 });
                    break;
                default:
                    context.Response.ContentType = "image/jpeg";
                    await context.Response.Body.WriteAsync(new byte[4096]);
                    break;
            }
        });
        var source = new CrawlSource("shop", [site.Url("/")], ["shop.example"], requestsPerSecond: 50, allowPrivate: true);
        using var run = new Crawler(actors.System, TestCrawls.Options).Prepare(source);

        var image = await run.FetchResourceAsync(site.Url("/img/bag.jpg"), 1024, CancellationToken.None);
        var hidden = await run.FetchResourceAsync(site.Url("/hidden/bag.jpg"), 1024, CancellationToken.None);
        var large = await run.FetchResourceAsync(site.Url("/img/large.jpg"), 1024, CancellationToken.None);

        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 }, image.Body);
        Assert.Equal("image/jpeg", image.ContentType);
        Assert.Equal(CrawlErrorKinds.RobotsDisallowed, hidden.Error?.Kind);
        Assert.Equal(CrawlErrorKinds.TooLarge, large.Error?.Kind);
        Assert.Equal(["/robots.txt", "/img/bag.jpg", "/img/large.jpg"], site.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task A_streamed_body_larger_than_the_read_buffer_arrives_whole_and_one_over_the_limit_is_refused()
    {
        // 3 MB and 7 bytes in uneven chunks without a Content-Length: the reader's buffer grows past its pooled sizes.
        var payload = Enumerable.Range(0, 3 * 1024 * 1024 + 7).Select(i => (byte)(i * 31 % 251)).ToArray();
        await using var site = await TestSite.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                context.Response.StatusCode = 404;
                return;
            }
            context.Response.ContentType = "image/jpeg";
            for (var at = 0; at < payload.Length; at += 4099)
            {
                await context.Response.Body.WriteAsync(payload.AsMemory(at, Math.Min(4099, payload.Length - at)));
                await context.Response.Body.FlushAsync();
            }
        });
        var source = new CrawlSource("shop", [site.Url("/")], ["shop.example"], requestsPerSecond: 50, allowPrivate: true);
        using var run = new Crawler(actors.System, TestCrawls.Options).Prepare(source);

        var whole = await run.FetchResourceAsync(site.Url("/img/whole.jpg"), 4 * 1024 * 1024, CancellationToken.None);
        var over = await run.FetchResourceAsync(site.Url("/img/over.jpg"), payload.Length - 1, CancellationToken.None);

        Assert.Equal(payload, whole.Body);
        Assert.False(whole.Truncated);
        Assert.Equal(CrawlErrorKinds.TooLarge, over.Error?.Kind);
    }

    private static Task<TestSite> LinkFarmAsync() =>
        TestSite.StartAsync(async (context, _) =>
        {
            var path = context.Request.Path.Value!;
            if (path == "/robots.txt")
            {
                context.Response.StatusCode = 404;
                return;
            }
            var depth = path == "/" ? 0 : path.Count(c => c == '/') - 1;
            var links = Enumerable.Range(1, 3).Select(i => $"<a href='{(path == "/" ? "/d" : path)}/{i}'>{i}</a>");
            await context.Response.WriteAsync(depth < 3 ? string.Concat(links) : "leaf");
        });

    [Fact]
    public async Task With_default_limits_an_endless_calendar_is_recorded_as_a_trap_before_the_depth_limit()
    {
        await using var site = await TestSite.StartAsync(async (context, _) =>
        {
            var path = context.Request.Path.Value!;
            if (path == "/")
                await context.Response.WriteAsync("<a href='/calendar/2026-01'>Events</a>");
            else if (path.StartsWith("/calendar/", StringComparison.Ordinal))
            {
                var month = DateTime.ParseExact(path["/calendar/".Length..], "yyyy-MM", null);
                await context.Response.WriteAsync(
                    $"<a href='/calendar/{month.AddMonths(-1):yyyy-MM}'>Previous</a> <a href='/calendar/{month.AddMonths(1):yyyy-MM}'>Next</a>");
            }
            else
                context.Response.StatusCode = 404;
        });
        var source = new CrawlSource("shop", [site.Url("/")], requestsPerSecond: 200, allowPrivate: true);
        Assert.Equal(10, source.MaxDepth);

        var (sink, summary) = await TestCrawls.RunAsync(actors.System, source, TestCrawls.Options with { Traps = new TrapDetectionOptions() });

        Assert.Equal(CrawlStopReason.Completed, summary.StopReason);
        AssertFailure(sink, CrawlErrorKinds.Trap, "/calendar/2026-06");
        AssertFailure(sink, CrawlErrorKinds.Trap, "/calendar/2025-08");
        Assert.Equal(2, summary.Progress.ErrorsByKind[CrawlErrorKinds.Trap]);
        Assert.Equal(0, summary.Progress.LinksTooDeep);
        Assert.Equal(9, site.Requests.Count(r => r.PathAndQuery.StartsWith("/calendar/", StringComparison.Ordinal)));
    }

    private static void AssertEveryProductExtractedExactly(CollectingSink sink, TestSite shop)
    {
        var extracted = sink.Products.Where(p => p.Url.Port == shop.BaseUri.Port).ToList();
        Assert.Equal(ShopSite.Products.Length, extracted.Count);
        foreach (var expected in ShopSite.Products)
        {
            var product = Assert.Single(extracted, e => e.Product.Id.Sku == expected.Sku).Product;
            Assert.Equal(new ProductId("shop", expected.Sku), product.Id);
            Assert.Equal(expected.Brand, product.Brand);
            Assert.Equal(expected.Name, product.Name);
            Assert.Equal(expected.Amount, product.Price.Amount);
            Assert.Equal(expected.Currency, product.Price.Currency.Code);
            Assert.Equal(shop.Url(expected.ImagePath), product.ImageUrl);
            Assert.Equal(Enum.Parse<Availability>(expected.Availability), product.Availability);
            Assert.Equal(shop.Url(expected.PagePath), product.ProductUrl);
        }
    }

    /// <summary>Blocks on its first event until released, as a busy store or embedder would.</summary>
    private sealed class GatedSink(Task release) : ICrawlEventSink
    {
        public async ValueTask AcceptAsync(CrawlEvent crawlEvent, CancellationToken cancellationToken) => await release;
    }

    private static void AssertFailure(CollectingSink sink, string kind, string pathAndQuery) =>
        Assert.Contains(sink.Failures(kind), f => f.Url.PathAndQuery == pathAndQuery);
}
