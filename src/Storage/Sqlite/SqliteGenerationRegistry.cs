using Microsoft.Data.Sqlite;
using Pursearch.Core;
using Pursearch.Core.Versions;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>
/// Index generations in <c>index_generations</c>. The live alias is the row in state Live; a partial unique index
/// allows at most one, and a flip changes both rows in one transaction, so no reader sees zero or two.
/// </summary>
public sealed class SqliteGenerationRegistry(SqliteConnector connector) : IGenerationRegistry
{
    private const string Columns = "id, space_id, shard_count, state, created_at";

    public Task CreateAsync(IndexGeneration generation, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(generation);
        if (generation.State is not (GenerationState.Building or GenerationState.Ready))
            throw new DomainException("state", $"a new generation must be Building or Ready, not {generation.State}");
        return connector.WriteAsync(write =>
        {
            if (write.Scalar("SELECT 1 FROM embedding_spaces WHERE id = $id", ("$id", generation.EmbeddingSpaceId)) is null)
                throw new StoreNotFoundException("embedding space", generation.EmbeddingSpaceId);
            if (Find(write, generation.Id) is not null)
                throw new StoreConflictException($"generation '{generation.Id}' already exists");
            write.Execute($"INSERT INTO index_generations ({Columns}) VALUES ($id, $space, $shards, $state, $at)",
                ("$id", generation.Id), ("$space", generation.EmbeddingSpaceId), ("$shards", generation.ShardCount),
                ("$state", generation.State.ToString()), ("$at", SqliteValues.Ticks(generation.CreatedAt)));
            write.RecordChange(ChangeKind.Generation, generation.Id);
        }, cancel);
    }

    public Task<IndexGeneration?> GetAsync(string id, CancellationToken cancel = default) =>
        connector.ReadAsync(read => Find(read, id), cancel);

    public Task<IReadOnlyList<IndexGeneration>> ListAsync(CancellationToken cancel = default) =>
        connector.ReadAsync<IReadOnlyList<IndexGeneration>>(
            read => read.Query($"SELECT {Columns} FROM index_generations ORDER BY created_at, id", Read), cancel);

    public Task<IndexGeneration?> GetLiveAsync(CancellationToken cancel = default) =>
        connector.ReadAsync(read => read.Query($"SELECT {Columns} FROM index_generations WHERE state = 'Live'", Read)
            .SingleOrDefault(), cancel);

    public Task SetStateAsync(string id, GenerationState state, CancellationToken cancel = default)
    {
        if (state is not (GenerationState.Ready or GenerationState.Retired))
            throw new DomainException("state", $"a generation can be moved to Ready or Retired here, not {state} (flip it live instead)");
        return connector.WriteAsync(write =>
        {
            var generation = Find(write, id) ?? throw new StoreNotFoundException("generation", id);
            if (generation.State == state)
                return;
            if (generation.State == GenerationState.Live)
                throw new StoreConflictException($"generation '{id}' is live: flip another generation live first");
            if (generation.State == GenerationState.Retired)
                throw new StoreConflictException($"generation '{id}' is retired");
            SetState(write, id, state);
        }, cancel);
    }

    public Task FlipLiveAsync(string id, CancellationToken cancel = default) =>
        connector.WriteAsync(write =>
        {
            var target = Find(write, id) ?? throw new StoreNotFoundException("generation", id);
            if (target.State == GenerationState.Live)
                return;
            if (target.State != GenerationState.Ready)
                throw new StoreConflictException($"generation '{id}' is {target.State}: only a Ready generation can go live");
            var previous = write.Query("SELECT id FROM index_generations WHERE state = 'Live'", r => r.GetString(0));
            foreach (var old in previous)
                SetState(write, old, GenerationState.Ready);
            SetState(write, id, GenerationState.Live);
            write.RecordChange(ChangeKind.GenerationAlias, ChangeKeys.LiveAlias);
        }, cancel);

    private static void SetState(SqliteWrite write, string id, GenerationState state)
    {
        write.Execute("UPDATE index_generations SET state = $state WHERE id = $id", ("$state", state.ToString()), ("$id", id));
        write.RecordChange(ChangeKind.Generation, id);
    }

    private static IndexGeneration? Find(SqliteSession session, string id) =>
        session.Query($"SELECT {Columns} FROM index_generations WHERE id = $id", Read, ("$id", id)).SingleOrDefault();

    private static IndexGeneration Read(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt32(2), SqliteValues.Enum<GenerationState>(r.GetString(3)),
            SqliteValues.Time(r.GetInt64(4)));
}
