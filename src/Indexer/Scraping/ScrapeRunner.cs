using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pursearch.Core.Scraping;
using Pursearch.Indexer.Crawling;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Scraping;

/// <summary>
/// Scrapes one registered source into the store, as an Akka.Streams graph on the crawl's events: gather each page's
/// events → fetch and store the images of new products and changed image URLs (parallel, polite) → commit pages in
/// batches, each page's products with its validators in one transaction → hand new and re-imaged products to the
/// embedding queue. The run is a <see cref="ScrapeRun"/> whose counters and errors are written every
/// <see cref="ScrapeOptions.FlushInterval"/>; a run left unfinished by a crash is continued by the next scrape of the
/// source, and its committed pages answer 304 so nothing is fetched or stored twice. A complete run marks products
/// it did not see unavailable (see <see cref="GoneProductSweep"/>).
/// </summary>
public sealed class ScrapeRunner(IStore store, ActorSystem system, ScrapeOptions? options = null, TimeProvider? time = null)
{
    private readonly ScrapeOptions _options = (options ?? new ScrapeOptions()).Validate();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly IScrapeStateStore _state = ScrapeState.Of(store);

    public ScrapeOptions Options => _options;

    /// <summary>Scrapes the source registered under <paramref name="sourceName"/>.</summary>
    /// <exception cref="StoreNotFoundException">No source has that name.</exception>
    public async Task<ScrapeResult> RunAsync(string sourceName, IEmbeddingQueue? embedding = null,
        IProgress<ScrapeProgress>? progress = null, CancellationToken cancel = default) =>
        await RunAsync(await _state.Sources.GetAsync(sourceName, cancel) ?? throw new StoreNotFoundException("source", sourceName),
            embedding, progress, cancel);

    public async Task<ScrapeResult> RunAsync(ScrapeSource source, IEmbeddingQueue? embedding = null,
        IProgress<ScrapeProgress>? progress = null, CancellationToken cancel = default)
    {
        var crawlSource = ScrapeSources.ToCrawlSource(source, _options);
        var known = await StoredPageValidators.LoadAsync(_state.Pages, source.Name, cancel);
        var recorder = await ScrapeRunRecorder.StartAsync(store.ScrapeRuns, source.Name, _time, cancel);
        var counters = new ScrapeCounters();
        using var run = new Crawler(system, _options.Crawler, known, time: _time).Prepare(crawlSource);
        ScrapeProgress Snapshot() => new(recorder.RunId, source.Name, run.Progress, counters.Snapshot());
        var committer = new ScrapeCommitter(_state.Pages, source.Name, known, counters, recorder, embedding, _time);
        using var stopFlushing = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var flushing = FlushPeriodicallyAsync(recorder, Snapshot, progress, stopFlushing.Token);
        try
        {
            var stop = await CrawlAsync(run, crawlSource, counters, committer, cancel);
            var sweep = _options.MarkGoneProducts
                ? await GoneProductSweep.RunAsync(store.Catalog, source.Retailer, recorder.Run.StartedAt, stop,
                    committer.UnseenBehindFailures, cancel)
                : GoneSweep.Skipped("marking gone products is switched off");
            counters.Add(ScrapeCounters.ProductsUnavailable, sweep.MarkedUnavailable);
            var embedded = embedding is null ? null : await embedding.CompleteAsync(cancel);
            counters.Add(ScrapeCounters.EmbedEmbedded, embedded?.Embedded ?? 0);
            counters.Add(ScrapeCounters.EmbedFailed, embedded?.Failed ?? 0);
            await StopAsync(stopFlushing, flushing);
            var final = Snapshot();
            await recorder.FlushAsync(final.RunCounters(), CancellationToken.None);
            var status = final.Crawl.PagesFetched + final.Crawl.NotModified == 0 && final.Errors > 0
                ? ScrapeRunStatus.Failed
                : ScrapeRunStatus.Succeeded;
            await recorder.FinishAsync(status, _time.GetUtcNow(), CancellationToken.None);
            progress?.Report(final);
            return new ScrapeResult(recorder.RunId, recorder.Resumed, status, stop, final, committer.Queued, sweep, embedded);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await CloseQueueAsync(embedding);
            await StopAsync(stopFlushing, flushing);
            await recorder.FlushAsync(Snapshot().RunCounters(), CancellationToken.None);
            await recorder.FinishAsync(ScrapeRunStatus.Cancelled, _time.GetUtcNow(), CancellationToken.None);
            throw;
        }
        catch (Exception) when (!cancel.IsCancellationRequested)
        {
            await CloseQueueAsync(embedding);
            await StopAsync(stopFlushing, flushing);
            await FinishFailedAsync(recorder, Snapshot());
            throw;
        }
    }

    // A run that ends early still closes its queue, so the embedding run behind it ends too. How that embedding went
    // matters less than why the scrape stopped, which is what the caller gets.
    private static async Task CloseQueueAsync(IEmbeddingQueue? embedding)
    {
        if (embedding is null)
            return;
        try
        {
            await embedding.CompleteAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // Cancelled with the scrape, or failed for the same reason; the scrape's own error is rethrown by the caller.
        }
    }

    // Best effort: the failure may be the store itself, and the original error is the one worth reporting.
    private async Task FinishFailedAsync(ScrapeRunRecorder recorder, ScrapeProgress last)
    {
        try
        {
            await recorder.FlushAsync(last.RunCounters(), CancellationToken.None);
            await recorder.FinishAsync(ScrapeRunStatus.Failed, _time.GetUtcNow(), CancellationToken.None);
        }
        catch (StoreException)
        {
            // The run stays Running: the next scrape of the source continues it.
        }
    }

    private async Task<CrawlStopReason> CrawlAsync(CrawlRun run, CrawlSource source, ScrapeCounters counters,
        ScrapeCommitter committer, CancellationToken cancel)
    {
        using var budget = new CancellationTokenSource(source.TimeBudget, _time);
        using var crawl = CancellationTokenSource.CreateLinkedTokenSource(cancel, budget.Token);
        var images = new PageImages(store.Catalog, new ImageFetcher(run.FetchResourceAsync, store.Images,
            new ImageInspection(new ImageDecoder(_options.ImageLimits)), _options.ImageLimits.MaxBytes, counters, _time));
        using var materializer = system.Materializer(namePrefix: "scrape");
        await run.Events(crawl.Token)
            .StatefulSelectMany<CrawlEvent, CrawlPage, NotUsed>(() => new PageAssembler().Accept)
            .SelectAsyncUnordered(_options.ImageParallelism, page => images.PrepareAsync(page, cancel))
            .GroupedWithin(_options.CommitBatchPages, _options.CommitWindow)
            .SelectAsync(1, async batch =>
            {
                await committer.CommitAsync([.. batch], cancel);
                return NotUsed.Instance;
            })
            .RunWith(Sink.Ignore<NotUsed>(), materializer);
        cancel.ThrowIfCancellationRequested();
        var reason = run.StopReason ?? CrawlStopReason.Completed;
        return reason == CrawlStopReason.Cancelled && budget.IsCancellationRequested ? CrawlStopReason.TimeBudget : reason;
    }

    private async Task FlushPeriodicallyAsync(ScrapeRunRecorder recorder, Func<ScrapeProgress> snapshot,
        IProgress<ScrapeProgress>? progress, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.FlushInterval, _time, stop);
                var now = snapshot();
                progress?.Report(now);
                try
                {
                    await recorder.FlushAsync(now.RunCounters(), stop);
                }
                catch (StoreBusyException)
                {
                    // Another writer held the store; these increments go out with the next flush.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended; the final flush follows.
        }
    }

    private static async Task StopAsync(CancellationTokenSource stopFlushing, Task flushing)
    {
        await stopFlushing.CancelAsync();
        await flushing;
    }
}
