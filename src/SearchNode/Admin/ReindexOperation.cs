using System.Text.Json;
using Pursearch.SearchNode.Shards;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Admin;

/// <summary><c>POST /api/v1/admin/reindex</c> <c>{"shards": 8, "space": "..."}</c>: builds a new generation of the live
/// one's space (or the named one) and flips it live.</summary>
public sealed class ReindexOperation(IStore store, GenerationBuilder builder) : IAdminOperation
{
    public string Name => "reindex";
    public string Description => "Build a new index generation from the stored vectors and make it live.";

    public async Task<string> RunAsync(JsonElement arguments, OperationProgress progress, CancellationToken cancel)
    {
        var live = await store.Generations.GetLiveAsync(cancel);
        var space = Text(arguments, "space") ?? live?.EmbeddingSpaceId
            ?? (await store.Spaces.ListAsync(cancel)).FirstOrDefault()?.Id
            ?? throw new OperationArgumentException("no embedding space is registered: ingest first");
        var shards = arguments.TryGetProperty("shards", out var s) && s.TryGetInt32(out var n)
            ? n
            : live?.ShardCount ?? GenerationBuilder.DefaultShardCount;
        if (shards is < 1 or > 256)
            throw new OperationArgumentException($"shards {shards} is out of range 1..256");
        var built = await builder.BuildAsync(space, shards, new Progress<double>(f => progress.Report("build shards", f)), cancel);
        return $"generation {built.Id} ({space}, {shards} shards) is live";
    }

    private static string? Text(JsonElement arguments, string name) =>
        arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
