using Microsoft.Extensions.Logging;
using Pursearch.Core.Versions;
using Pursearch.Index;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Shards;

/// <summary>
/// Hosts every shard of the live generation in this process. Follows the change feed; when the live alias flips it
/// loads the new generation beside the old one and swaps, keeping the previous set alive for queries already pinned
/// to it.
/// </summary>
public sealed class LocalShardHost(IStore store, ShardLoader loader, ILogger<LocalShardHost> logger) : IShardHost, IDisposable
{
    private readonly SemaphoreSlim _updating = new(1, 1);
    private volatile ShardSet? _current;
    private ShardSet? _previous;
    private int _unsaved;

    public IndexGeneration? LiveGeneration => _current?.Generation;

    public Task<ShardAnswer> SearchAsync(IndexGeneration generation, int shard, ShardQuery query, CancellationToken cancel)
    {
        var set = SetOf(generation) ?? throw new ShardUnavailableException(generation.ShardEntityId(shard), "generation is not hosted here");
        return Task.Run(() => set.Shards[shard].Search(query), cancel);
    }

    public IReadOnlyList<ShardStatus> Status() => _current?.Status() ?? [];

    /// <summary>Loads the live generation if it is not loaded yet; false when the store has none.</summary>
    public async Task<bool> LoadLiveAsync(IProgress<double>? progress, CancellationToken cancel)
    {
        await _updating.WaitAsync(cancel);
        try
        {
            return await SwitchToLiveAsync(progress, cancel);
        }
        finally
        {
            _updating.Release();
        }
    }

    /// <summary>Applies the store's new changes to the loaded shards, switching generation when the alias moved.</summary>
    public async Task<CatchUpResult?> CatchUpAsync(CancellationToken cancel)
    {
        await _updating.WaitAsync(cancel);
        try
        {
            if (_current is not { } set)
            {
                await SwitchToLiveAsync(null, cancel);
                return null;
            }
            var result = await new ChangeCatchUp(store).RunAsync(set, cancel);
            Interlocked.Add(ref _unsaved, result.Applied);
            if (result.GenerationChanged)
                await SwitchToLiveAsync(null, cancel);
            return result;
        }
        finally
        {
            _updating.Release();
        }
    }

    /// <summary>Snapshots the live shards (e.g. on shutdown) if changes were applied since they were loaded, so the
    /// next start catches up from here.</summary>
    public void SaveSnapshots()
    {
        if (_current is { } set && Interlocked.Exchange(ref _unsaved, 0) > 0)
            loader.Save(set);
    }

    public void Dispose()
    {
        _current?.Dispose();
        _previous?.Dispose();
        _updating.Dispose();
    }

    private ShardSet? SetOf(IndexGeneration generation)
    {
        var current = _current;
        if (current?.Generation.Id == generation.Id)
            return current;
        var previous = _previous;
        return previous?.Generation.Id == generation.Id ? previous : null;
    }

    private async Task<bool> SwitchToLiveAsync(IProgress<double>? progress, CancellationToken cancel)
    {
        var live = await store.Generations.GetLiveAsync(cancel);
        if (live is null)
            return false;
        if (_current?.Generation.Id == live.Id)
            return true;
        var loaded = await loader.LoadAsync(live, progress, cancel);
        Interlocked.Exchange(ref _unsaved, 0);
        var retired = _previous;
        _previous = _current;
        _current = loaded;
        retired?.Dispose();
        logger.LogInformation("serving generation {Generation}", live.Id);
        return true;
    }
}
