using Microsoft.Extensions.Logging;
using Pursearch.SearchNode.Hosting;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;
using Pursearch.Vision.Pipeline;

namespace Pursearch.SearchNode.Vision;

/// <summary>The vision pipeline of the live model version: one shared embedder, the heads the <c>live</c> model alias
/// points at (none before a model is trained: the whole photo is embedded and nothing is identified).</summary>
public sealed class LiveVision(ImageEmbedder embedder, ImageDecoder decoder, DataLayout layout, ILogger<LiveVision> logger)
{
    private volatile LiveModel _current = new(null, new VisionPipeline(decoder, embedder, NoHeads(embedder)));

    public LiveModel Current => _current;
    public ImageEmbedder Embedder => embedder;
    public ImageDecoder Decoder => decoder;

    /// <summary>Loads the heads of the live model version if it changed; a model of another space or with broken files
    /// is refused (logged) and the previous pipeline stays.</summary>
    public async Task RefreshAsync(IStore store, CancellationToken cancel)
    {
        var live = await store.Models.GetLiveAsync(cancel);
        if (live?.Id == _current.ModelVersion)
            return;
        if (live is null)
        {
            _current = new LiveModel(null, new VisionPipeline(decoder, embedder, NoHeads(embedder)));
            return;
        }
        if (live.EmbeddingSpaceId != embedder.Space.Id)
        {
            logger.LogError("live model {Model} is over space {Space}; this node embeds in {Ours}: keeping {Current}",
                live.Id, live.EmbeddingSpaceId, embedder.Space.Id, _current.ModelVersion ?? "no heads");
            return;
        }
        try
        {
            var heads = HeadSetFiles.Load(layout.Resolve(live.WeightsPath));
            _current = new LiveModel(live.Id, new VisionPipeline(decoder, embedder, heads));
            logger.LogInformation("serving model {Model}", live.Id);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
        {
            logger.LogError("cannot load the heads of live model {Model}: {Reason}", live.Id, e.Message);
        }
    }

    private static HeadSet NoHeads(ImageEmbedder embedder) => new(embedder.Space.Id, null, null);
}

/// <summary>A model version id (null: no heads) and the pipeline built from its heads.</summary>
public sealed record LiveModel(string? ModelVersion, VisionPipeline Pipeline);
