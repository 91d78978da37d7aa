using System.Diagnostics;
using Pursearch.Index;
using Pursearch.SearchNode.Shards;
using Pursearch.SearchNode.Telemetry;
using Pursearch.SearchNode.Vision;
using Pursearch.Vision.Pipeline;

namespace Pursearch.SearchNode.Search;

/// <summary>
/// A shopper's photo → decode → crop → embed → identify (the live model's vision pipeline) → scatter-gather over the
/// live generation with the filter → collapse colour variants → the canonical answer. The photo lives only in memory.
/// </summary>
public sealed class PhotoSearch(IShardHost shards, LiveVision vision, ScatterGather gather, ResultMapper mapper,
    SearchSettings settings, NodeMetrics metrics) : IDisposable
{
    private readonly SemaphoreSlim _analyses = new(settings.MaxConcurrentAnalyses);

    public async Task<SearchResponse> SearchAsync(ReadOnlyMemory<byte> photo, SearchRequest request, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var generation = shards.LiveGeneration
            ?? throw new SearchUnavailableException("no index generation is loaded yet");
        var model = vision.Current;
        var seen = await AnalyzeAsync(model.Pipeline, photo, request.Crop, cancel);
        var searchClock = Stopwatch.StartNew();
        var query = new ShardQuery(seen.Vector, VariantCollapse.FetchSize(request.K, request.Collapse, settings.CollapseOverfetch))
        {
            Filter = request.Filter,
            Rescorer = ClassAgreementRescorer.For(model.Pipeline.Heads, seen.Vector),
        };
        var gathered = await gather.SearchAsync(generation, query, cancel);
        var hits = VariantCollapse.Apply(gathered.Hits, request.Collapse, request.K);
        var searchMs = searchClock.Elapsed.TotalMilliseconds;
        var t = seen.Timings;
        Record(t, searchMs, gathered);
        return new SearchResponse(
            generation.Id, model.ModelVersion, gathered.Partial, gathered.MissingShards,
            ResultMapper.Crop(seen.Crop), ResultMapper.Identification(seen.Identification),
            new PlanCounts(gathered.HnswShards, gathered.ExactShards),
            new StageTimingsMs(ResultMapper.Ms(t.DecodeMs), ResultMapper.Ms(t.CropMs), ResultMapper.Ms(t.EmbedMs),
                ResultMapper.Ms(t.IdentifyMs), ResultMapper.Ms(searchMs), ResultMapper.Ms(clock.Elapsed.TotalMilliseconds)),
            [.. hits.Select(h => mapper.Item(h, request.Filter.Currency))]);
    }

    public void Dispose() => _analyses.Dispose();

    private async Task<VisionResult> AnalyzeAsync(VisionPipeline pipeline, ReadOnlyMemory<byte> photo, CropMode crop,
        CancellationToken cancel)
    {
        await _analyses.WaitAsync(cancel);
        try
        {
            return pipeline.Analyze(photo.Span, crop);
        }
        finally
        {
            _analyses.Release();
        }
    }

    private void Record(StageTimings t, double searchMs, GatherResult gathered)
    {
        metrics.Stage("decode", t.DecodeMs);
        metrics.Stage("crop", t.CropMs);
        metrics.Stage("embed", t.EmbedMs);
        metrics.Stage("identify", t.IdentifyMs);
        metrics.Stage("search", searchMs);
        metrics.Plans(gathered.HnswShards, gathered.ExactShards, gathered.Partial);
        metrics.Query("photo", gathered.Partial ? "partial" : "complete");
    }
}
