using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Core.Scraping;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Crawling.Extraction;
using Pursearch.Indexer.Scraping;
using Pursearch.Indexer.Tests.Embedding;
using Pursearch.Storage;
using Pursearch.Storage.Contracts;
using Pursearch.Storage.Sqlite;
using Pursearch.Vision.Imaging;
using SkiaSharp;

namespace Pursearch.Indexer.Tests.Scraping;

public sealed class PageAssemblerTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Products_are_held_until_their_page_outcome_arrives()
    {
        var assembler = new PageAssembler();
        var page = new Uri("http://shop.example/p/1");
        var product = Extracted(page, "1");

        Assert.Empty(assembler.Accept(product));
        var fetched = new PageFetched(page, At, page, 200, PageKind.Product, 1, 0, null, 10, TimeSpan.Zero);
        var done = Assert.Single(assembler.Accept(fetched));

        Assert.Same(fetched, done.Outcome);
        Assert.Equal([product], done.Products);
        var failed = new PageFailed(new Uri("http://shop.example/broken"), At, new CrawlError(CrawlErrorKinds.Http5xx, "500"));
        Assert.Empty(Assert.Single(assembler.Accept(failed)).Products);
    }

    private static ProductExtracted Extracted(Uri page, string sku)
    {
        var product = new Product(new ProductId("shop", sku), "Brand", "Bag", new Money(10, "USD"), page,
            new Uri("http://shop.example/i.jpg"));
        var details = new ExtractedProduct(sku, "Bag", "Brand", product.Price, [product.ImageUrl], page, Availability.InStock,
            null, null, null, null, null, ProductMarkup.JsonLd);
        return new ProductExtracted(page, At, product, details);
    }
}

public sealed class ImageInspectionTests
{
    private readonly ImageInspection _inspection = new(new ImageDecoder(DecodeLimits.Default with { MaxPixels = 1_000_000 }));

    [Fact]
    public void A_whole_jpeg_is_usable_whatever_the_server_called_it()
    {
        var verdict = _inspection.Inspect(TinyImages.Jpeg(1));
        Assert.True(verdict.IsUsable);
        Assert.Equal("image/jpeg", verdict.MediaType);
        Assert.Equal(64, verdict.Header!.Width);
    }

    [Fact]
    public void A_cut_jpeg_and_a_cut_png_are_truncated()
    {
        var jpeg = TinyImages.Jpeg(2);
        Assert.Equal(ScrapeErrorKinds.ImageTruncated, _inspection.Inspect(jpeg[..(jpeg.Length * 3 / 5)]).ErrorKind);
        var png = Png(40, 30);
        Assert.True(_inspection.Inspect(png).IsUsable);
        Assert.Equal("image/png", _inspection.Inspect(png).MediaType);
        Assert.Equal(ScrapeErrorKinds.ImageTruncated, _inspection.Inspect(png[..(png.Length - 10)]).ErrorKind);
    }

    [Fact]
    public void Non_images_empty_bodies_and_too_many_pixels_are_refused_by_kind()
    {
        Assert.Equal(ScrapeErrorKinds.ImageUnsupported, _inspection.Inspect("<html>not a photo</html>"u8).ErrorKind);
        Assert.Equal(ScrapeErrorKinds.ImageEmpty, _inspection.Inspect([]).ErrorKind);
        Assert.Equal(ScrapeErrorKinds.ImageTooManyPixels, _inspection.Inspect(Png(1100, 1000)).ErrorKind);
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Teal);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

public sealed class ScrapeRunRecorderTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "pursearch-recorder-tests", Guid.NewGuid().ToString("N"));
    private SqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        _store = await SqliteStore.OpenAsync(Path.Combine(_data, "catalog.db"), new StoreOptions(_data));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task An_unfinished_run_is_taken_over_and_a_finished_one_starts_a_new_run()
    {
        var first = await ScrapeRunRecorder.StartAsync(_store.ScrapeRuns, "rue", TimeProvider.System, default);
        var again = await ScrapeRunRecorder.StartAsync(_store.ScrapeRuns, "rue", TimeProvider.System, default);
        Assert.False(first.Resumed);
        Assert.True(again.Resumed);
        Assert.Equal(first.RunId, again.RunId);

        await again.FinishAsync(ScrapeRunStatus.Succeeded, DateTimeOffset.UtcNow, default);
        var next = await ScrapeRunRecorder.StartAsync(_store.ScrapeRuns, "rue", TimeProvider.System, default);
        Assert.False(next.Resumed);
        Assert.NotEqual(first.RunId, next.RunId);
        Assert.False((await ScrapeRunRecorder.StartAsync(_store.ScrapeRuns, "harlow", TimeProvider.System, default)).Resumed);
    }

    [Fact]
    public async Task Flushes_write_increments_of_running_totals_and_the_queued_errors()
    {
        var recorder = await ScrapeRunRecorder.StartAsync(_store.ScrapeRuns, "rue", TimeProvider.System, default);
        recorder.Error(new ScrapeError("http-5xx", "http://rue.example/broken", "500", DateTimeOffset.UtcNow));
        await recorder.FlushAsync(new Dictionary<string, long> { ["pages.fetched"] = 3, ["errors.http-5xx"] = 1 }, default);
        await recorder.FlushAsync(new Dictionary<string, long> { ["pages.fetched"] = 5, ["errors.http-5xx"] = 1 }, default);

        var run = (await _store.ScrapeRuns.GetAsync(recorder.RunId))!;
        Assert.Equal(5, run.Counter("pages.fetched"));
        Assert.Equal(1, run.Counter("errors.http-5xx"));
        Assert.Equal(1, run.Counter(IScrapeRunLog.ErrorsCounter));
        Assert.Equal("http://rue.example/broken", Assert.Single(run.Errors).Url);
    }
}

public sealed class GoneProductSweepTests
{
    [Theory]
    [InlineData(CrawlStopReason.PageBudget)]
    [InlineData(CrawlStopReason.TimeBudget)]
    [InlineData(CrawlStopReason.Cancelled)]
    public async Task A_run_that_stopped_early_marks_nothing(CrawlStopReason reason)
    {
        var sweep = await GoneProductSweep.RunAsync(null!, "rue", DateTimeOffset.UtcNow, reason, [], default);
        Assert.False(sweep.Done);
        Assert.Contains(reason.ToString(), sweep.SkippedBecause);
    }

    [Fact]
    public async Task A_complete_run_with_pages_that_failed_inconclusively_marks_nothing()
    {
        var sweep = await GoneProductSweep.RunAsync(null!, "rue", DateTimeOffset.UtcNow, CrawlStopReason.Completed,
            ["http://rue.example/bags?page=2"], default);
        Assert.False(sweep.Done);
        Assert.Contains("bags?page=2", sweep.SkippedBecause);
    }

    [Theory]
    [InlineData(CrawlErrorKinds.Http5xx, true)]
    [InlineData(CrawlErrorKinds.Timeout, true)]
    [InlineData(CrawlErrorKinds.RateLimited, true)]
    [InlineData(CrawlErrorKinds.Http4xx, false)]
    [InlineData(CrawlErrorKinds.Trap, false)]
    [InlineData(CrawlErrorKinds.RobotsDisallowed, false)]
    public void Only_trouble_is_inconclusive_a_404_is_proof_of_absence(string kind, bool inconclusive) =>
        Assert.Equal(inconclusive, ScrapeErrorKinds.IsInconclusive(kind));
}

public sealed class ScrapeSourcesTests
{
    [Fact]
    public void A_registered_source_becomes_a_crawl_source_with_its_rate_budget_and_scope()
    {
        var source = new ScrapeSource("rue-eu", "rue", [new Uri("http://127.0.0.1:5002/")], ["127.0.0.1:5002", "cdn.rue.example"],
            requestsPerSecond: 4, maxPages: 300, allowPrivate: true);

        var crawl = ScrapeSources.ToCrawlSource(source, new ScrapeOptions { MaxDepth = 6, TimeBudget = TimeSpan.FromMinutes(5) });

        Assert.Equal("rue", crawl.Retailer);
        Assert.Equal(4, crawl.RequestsPerSecond);
        Assert.Equal(300, crawl.MaxPages);
        Assert.Equal(6, crawl.MaxDepth);
        Assert.True(crawl.AllowPrivate);
        Assert.True(crawl.Scope.Contains(new Uri("https://cdn.rue.example/i/1.jpg")));
        Assert.False(crawl.Scope.Contains(new Uri("http://127.0.0.1:5003/")));
    }
}
