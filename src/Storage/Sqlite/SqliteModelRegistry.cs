using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pursearch.Core.Versions;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>
/// Model versions in <c>model_versions</c>; the <c>live</c> alias is the newest row of <c>model_promotions</c>, so a
/// rollback removes the newest promotion and the one before it is live again.
/// </summary>
public sealed class SqliteModelRegistry(SqliteConnector connector) : IModelRegistry
{
    private const string Columns = "m.id, m.space_id, m.weights_path, m.created_at, m.metrics";
    private const string LiveId = "SELECT model_id FROM model_promotions ORDER BY position DESC LIMIT 1";

    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public Task RegisterAsync(ModelVersion model, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return connector.WriteAsync(write =>
        {
            if (write.Scalar("SELECT 1 FROM embedding_spaces WHERE id = $id", ("$id", model.EmbeddingSpaceId)) is null)
                throw new StoreNotFoundException("embedding space", model.EmbeddingSpaceId);
            if (Find(write, model.Id) is not null)
                throw new StoreConflictException($"model version '{model.Id}' is already registered");
            write.Execute("""
                    INSERT INTO model_versions (id, space_id, weights_path, created_at, metrics)
                    VALUES ($id, $space, $weights, $at, $metrics)
                    """,
                ("$id", model.Id), ("$space", model.EmbeddingSpaceId), ("$weights", model.WeightsPath),
                ("$at", SqliteValues.Ticks(model.CreatedAt)), ("$metrics", JsonSerializer.Serialize(model.Metrics, Json)));
            write.RecordChange(ChangeKind.ModelVersion, model.Id);
        }, cancel);
    }

    public Task<ModelVersion?> GetAsync(string id, CancellationToken cancel = default) =>
        connector.ReadAsync(read => Find(read, id), cancel);

    public Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken cancel = default) =>
        connector.ReadAsync<IReadOnlyList<ModelVersion>>(
            read => read.Query($"SELECT {Columns} FROM model_versions m ORDER BY m.created_at, m.id", Read), cancel);

    public Task<ModelVersion?> GetLiveAsync(CancellationToken cancel = default) =>
        connector.ReadAsync(Live, cancel);

    public Task PromoteAsync(string id, CancellationToken cancel = default) =>
        connector.WriteAsync(write =>
        {
            var model = Find(write, id) ?? throw new StoreNotFoundException("model version", id);
            if (Live(write)?.Id == model.Id)
                return;
            write.Execute("INSERT INTO model_promotions (model_id, promoted_at) VALUES ($id, $at)",
                ("$id", model.Id), ("$at", SqliteValues.Ticks(DateTimeOffset.UtcNow)));
            write.RecordChange(ChangeKind.ModelAlias, ChangeKeys.LiveAlias);
        }, cancel);

    public Task<ModelVersion> RollbackAsync(CancellationToken cancel = default) =>
        connector.WriteAsync(write =>
        {
            var promotions = write.Query("SELECT position FROM model_promotions ORDER BY position DESC LIMIT 2",
                r => r.GetInt64(0));
            if (promotions.Count < 2)
                throw new StoreConflictException("there is no earlier live model version to roll back to");
            write.Execute("DELETE FROM model_promotions WHERE position = $position", ("$position", promotions[0]));
            write.RecordChange(ChangeKind.ModelAlias, ChangeKeys.LiveAlias);
            return Live(write)!;
        }, cancel);

    private static ModelVersion? Live(SqliteSession session) =>
        session.Query($"SELECT {Columns} FROM model_versions m WHERE m.id = ({LiveId})", Read).SingleOrDefault();

    private static ModelVersion? Find(SqliteSession session, string id) =>
        session.Query($"SELECT {Columns} FROM model_versions m WHERE m.id = $id", Read, ("$id", id)).SingleOrDefault();

    private static ModelVersion Read(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), SqliteValues.Time(r.GetInt64(3)),
            JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(4), Json));
}
