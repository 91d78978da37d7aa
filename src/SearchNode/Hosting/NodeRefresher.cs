using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pursearch.SearchNode.Imaging;
using Pursearch.SearchNode.Search;
using Pursearch.SearchNode.Shards;
using Pursearch.SearchNode.Vision;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Hosting;

/// <summary>
/// Loads the live model and generation when the node starts, then follows the store: new vectors, prices and
/// availability reach the shards, a flipped generation or model alias is loaded. Snapshots are saved on the way out.
/// </summary>
public sealed class NodeRefresher(IStore store, LocalShardHost shards, LiveVision vision, CatalogVocabulary vocabulary,
    ExampleGallery examples, NodeReadiness readiness, NodeSettings settings, ILogger<NodeRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await vision.RefreshAsync(store, stopping);
                var result = await shards.CatchUpAsync(stopping);
                if (result is { CatalogChanged: true })
                    vocabulary.Invalidate();
                if (shards.LiveGeneration is not null && readiness.MarkReady())
                    examples.Refresh();
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogError(e, "following the store failed; retrying");
            }
            await Task.Delay(settings.FollowInterval, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public override async Task StopAsync(CancellationToken cancel)
    {
        await base.StopAsync(cancel);
        try
        {
            shards.SaveSnapshots();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("snapshots not saved on stop: {Reason}", e.Message);
        }
    }
}

/// <summary>Signals once the node can answer searches (a live generation is loaded).</summary>
public sealed class NodeReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    /// <summary>True the first time only.</summary>
    public bool MarkReady() => _ready.TrySetResult();
}
