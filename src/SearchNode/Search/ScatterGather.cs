using Microsoft.Extensions.Logging;
using Pursearch.Core.Versions;
using Pursearch.Index;
using Pursearch.Index.Search;
using Pursearch.SearchNode.Shards;

namespace Pursearch.SearchNode.Search;

/// <summary>The hits of every shard of one generation merged best first, the shards that did not answer in time, and
/// how many shards used each plan.</summary>
public sealed record GatherResult(IndexGeneration Generation, IReadOnlyList<ShardHit> Hits, IReadOnlyList<int> MissingShards,
    int HnswShards, int ExactShards)
{
    public bool Partial => MissingShards.Count > 0;
}

/// <summary>
/// Sends a query to every shard of a generation at once and waits until all answer or the deadline passes; a
/// shard that failed or is late is listed as missing (a partial answer, never a silently short list).
/// </summary>
public sealed class ScatterGather(IShardHost host, SearchSettings settings, ILogger<ScatterGather> logger)
{
    public async Task<GatherResult> SearchAsync(IndexGeneration generation, ShardQuery query, CancellationToken cancel)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(settings.ShardDeadline);
        var asks = Enumerable.Range(0, generation.ShardCount)
            .Select(shard => host.SearchAsync(generation, shard, query, deadline.Token))
            .ToArray();
        try
        {
            await Task.WhenAll(asks).WaitAsync(deadline.Token);
        }
        catch (Exception) when (!cancel.IsCancellationRequested)
        {
            // Late or failed shards are reported below, one by one.
        }
        cancel.ThrowIfCancellationRequested();
        var answers = new List<ShardAnswer>(asks.Length);
        var missing = new List<int>();
        for (var shard = 0; shard < asks.Length; shard++)
        {
            if (asks[shard].IsCompletedSuccessfully)
            {
                answers.Add(asks[shard].Result);
                continue;
            }
            missing.Add(shard);
            logger.LogWarning("shard {Entity} missing from an answer: {Reason}", generation.ShardEntityId(shard),
                asks[shard].IsFaulted ? asks[shard].Exception!.GetBaseException().Message : "deadline passed");
        }
        if (answers.Count == 0)
            throw new SearchUnavailableException($"no shard of generation {generation.Id} answered in time");
        var hits = TopKMerge.Merge(answers.Select(a => a.Hits), query.K);
        return new GatherResult(generation, hits, missing,
            answers.Count(a => a.Plan == QueryPlan.Hnsw), answers.Count(a => a.Plan == QueryPlan.Exact));
    }
}
