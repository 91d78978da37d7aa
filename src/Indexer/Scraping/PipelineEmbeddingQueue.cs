using System.Threading.Channels;
using Pursearch.Core.Catalog;
using Pursearch.Indexer.Embedding;

namespace Pursearch.Indexer.Scraping;

/// <summary>
/// Feeds a scrape's queued products into the <see cref="EmbeddingPipeline"/> as they arrive (its live-feed entry), so
/// embedding and indexing run alongside the crawl; the vectors go to the given sink (e.g. the node's shards).
/// </summary>
public sealed class PipelineEmbeddingQueue : IEmbeddingQueue
{
    private readonly Channel<ProductId> _ids = Channel.CreateUnbounded<ProductId>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task<EmbeddingRunResult> _run;

    public PipelineEmbeddingQueue(EmbeddingPipeline pipeline, IVectorSink sink, IProgress<EmbeddingProgress>? progress = null,
        CancellationToken cancel = default) =>
        _run = pipeline.EmbedProductsAsync(_ids.Reader.ReadAllAsync(cancel), sink, progress, cancel);

    public async ValueTask EnqueueAsync(IReadOnlyList<ProductId> ids, CancellationToken cancel)
    {
        foreach (var id in ids)
            await _ids.Writer.WriteAsync(id, cancel);
    }

    public async Task<EmbeddingOutcome> CompleteAsync(CancellationToken cancel)
    {
        _ids.Writer.TryComplete();
        var result = await _run.WaitAsync(cancel);
        return new EmbeddingOutcome(result.Embedded, result.Failed, result.AlreadyCurrent);
    }
}
