using System.Net;
using Pursearch.Forge.Rendering;
using Pursearch.Forge.Sites;

namespace Pursearch.Forge.Tests.Sites;

public sealed class SiteFaultTests : IAsyncLifetime
{
    private ForgeSiteServer _server = null!;
    private readonly HttpClient _http = TestWorld.RawClient();

    private ShopSite Rue => _server.Site("rue");

    public async Task InitializeAsync() => _server = await ForgeSiteServer.StartAsync(TestWorld.Options(SiteFaults.All));

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("5xx,429", SiteFaults.ServerErrors | SiteFaults.RateLimits)]
    [InlineData(" trap , huge-image ", SiteFaults.CrawlerTrap | SiteFaults.HugeImages)]
    [InlineData("all", SiteFaults.All)]
    [InlineData("", SiteFaults.None)]
    public void Fault_lists_parse(string list, SiteFaults expected) => Assert.Equal(expected, SiteFaultNames.Parse(list));

    [Fact]
    public void An_unknown_fault_is_refused_naming_the_known_ones() =>
        Assert.Contains("redirect-loop", Assert.Throws<FormatException>(() => SiteFaultNames.Parse("5xx,fire")).Message);

    [Fact]
    public void Faults_land_on_fixed_products_and_fault_pages_are_linked_from_home()
    {
        var plan = Rue.Faults;
        var skus = _server.Catalog.All(Rue.Retailer).Select(i => i.Sku).ToList();
        string?[] faulty = [plan.BurstSku, plan.RateLimitedSku, plan.SlowSku, plan.TruncatedImageSku, plan.HugeImageSku, plan.MalformedSku];
        Assert.Equal(skus[..6], faulty);
        Assert.Contains(FaultPlan.BrokenPath, plan.ExtraPaths);
        Assert.Contains("/calendar/2026-01", plan.ExtraPaths);
    }

    [Fact]
    public async Task A_server_error_burst_clears_after_its_length_and_broken_stays_broken()
    {
        var page = Rue.Url($"/p/{Rue.Faults.BurstSku}");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < FaultPlan.BurstLength + 1; i++)
            statuses.Add(await StatusAsync(page));
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.InternalServerError, await StatusAsync(Rue.Url(FaultPlan.BrokenPath)));
        Assert.Equal(HttpStatusCode.InternalServerError, await StatusAsync(Rue.Url(FaultPlan.BrokenPath)));
    }

    [Fact]
    public async Task Rate_limits_answer_429_with_retry_after()
    {
        using var first = await _http.GetAsync(Rue.Url($"/p/{Rue.Faults.RateLimitedSku}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Rue.Url($"/p/{Rue.Faults.RateLimitedSku}")));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(Rue.Url(FaultPlan.BusyPath)));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(Rue.Url(FaultPlan.BusyPath)));
    }

    [Fact]
    public async Task Redirect_loops_point_at_each_other()
    {
        using var a = await _http.GetAsync(Rue.Url(FaultPlan.LoopPath));
        using var b = await _http.GetAsync(Rue.Url(FaultPlan.LoopTwinPath));
        Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
        Assert.Equal(FaultPlan.LoopTwinPath, a.Headers.Location!.OriginalString);
        Assert.Equal(FaultPlan.LoopPath, b.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_truncated_image_is_a_cut_jpeg_with_an_honest_length()
    {
        var item = _server.Catalog.Find(Rue.Retailer, Rue.Faults.TruncatedImageSku!)!;
        using var response = await _http.GetAsync(_server.ImageUrlOf(item));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var whole = ProductShotRenderer.RenderJpeg(_server.World, item.Product);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal(whole[..bytes.Length], bytes);
        Assert.True(bytes.Length < whole.Length * 2 / 3);
    }

    [Fact]
    public async Task The_huge_image_declares_200_MB_and_is_streamed_without_being_allocated()
    {
        var item = _server.Catalog.Find(Rue.Retailer, Rue.Faults.HugeImageSku!)!;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using (var response = await _http.GetAsync(_server.ImageUrlOf(item), HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(FaultPlan.HugeImageBytes, response.Content.Headers.ContentLength);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            long read = 0;
            while (read < 8 * 1024 * 1024)
                read += await body.ReadAsync(buffer);
            Assert.Equal(0xFF, buffer[0] == 0 ? 0xFF : buffer[0]);
        }
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore < 64L * 1024 * 1024,
            "the server (or this client) allocated the whole image");
    }

    [Fact]
    public async Task Malformed_pages_keep_their_product_and_the_mangled_page_has_none()
    {
        var item = _server.Catalog.Find(Rue.Retailer, Rue.Faults.MalformedSku!)!;
        var html = await _http.GetStringAsync(_server.PageUrlOf(item));
        Assert.Contains("</table></p><div class=promo>", html);
        Assert.Contains("<!-- unterminated", html);
        Assert.Contains("\"@type\":\"Product\"", html);
        var mangled = await _http.GetStringAsync(Rue.Url(FaultPlan.MangledPath));
        Assert.Contains("\"offers\":{\"@type\":\"Offer\",\"price\":", mangled);
        Assert.DoesNotContain("</script>", mangled);
    }

    [Fact]
    public async Task The_calendar_links_the_next_month_forever()
    {
        var html = await _http.GetStringAsync(Rue.Url("/calendar/2031-12"));
        Assert.Contains("/calendar/2032-01", html);
        Assert.Contains("/calendar/2031-11", html);
    }

    [Fact]
    public async Task Slow_pages_take_their_pause_and_the_slow_loris_keeps_trickling()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Rue.Url($"/p/{Rue.Faults.SlowSku}")));
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(180), $"answered in {started.ElapsedMilliseconds} ms");

        using var response = await _http.GetAsync(Rue.Url(FaultPlan.SlowPath), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var received = 0;
        var buffer = new byte[1024];
        try
        {
            while (true)
                received += await body.ReadAsync(buffer, deadline.Token);
        }
        catch (OperationCanceledException)
        {
        }
        Assert.InRange(received, 1, 8);
    }

    [Fact]
    public async Task Without_faults_the_fault_pages_do_not_exist()
    {
        await using var calm = await ForgeSiteServer.StartAsync(TestWorld.Options());
        var site = calm.Site("rue");
        Assert.Empty(site.Faults.ExtraPaths);
        Assert.Null(site.Faults.BurstSku);
        foreach (var path in new[] { FaultPlan.BrokenPath, FaultPlan.BusyPath, FaultPlan.LoopPath, "/calendar/2026-01", FaultPlan.MangledPath })
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(site.Url(path)));
    }

    private async Task<HttpStatusCode> StatusAsync(Uri url)
    {
        using var response = await _http.GetAsync(url);
        return response.StatusCode;
    }
}
