using System.Text.Json;
using Pursearch.Host.Cli;
using Pursearch.Indexer.Training;
using Pursearch.SearchNode.Admin;
using Pursearch.Storage.Contracts;

namespace Pursearch.Host.Node;

/// <summary><c>POST /api/v1/admin/train</c> <c>{"set": "DIR", "threads": 2}</c>: trains the heads on a labelled set
/// (default the Forge world in <c>{data}/forge</c>) and registers the model version; the node loads it when it is
/// promoted live.</summary>
public sealed class TrainOperation(DataDirectory data, IStore store) : IAdminOperation
{
    public string Name => "train";
    public string Description => "Train the crop and identification heads and register them as a model version.";

    public async Task<string> RunAsync(JsonElement arguments, OperationProgress progress, CancellationToken cancel)
    {
        var set = arguments.TryGetProperty("set", out var dir) && dir.GetString() is { } path ? Path.GetFullPath(path) : data.Forge;
        if (!Directory.Exists(set))
            throw new OperationArgumentException($"no labelled set at {set}");
        var threads = arguments.TryGetProperty("threads", out var t) && t.TryGetInt32(out var n) && n > 0 ? n : 2;
        var published = await HeadTraining.RunAsync(data, store, set, threads, new TrainingOptions(), StageReports.Into(progress), cancel);
        return $"model {published.Model.Id} registered; " +
               (published.Promoted ? $"promoted live ({published.PromotionReason})" : $"not promoted ({published.PromotionReason})");
    }
}
