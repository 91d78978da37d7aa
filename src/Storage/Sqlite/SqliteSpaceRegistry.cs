using Pursearch.Core.Versions;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>Embedding spaces in the <c>embedding_spaces</c> table.</summary>
public sealed class SqliteSpaceRegistry(SqliteConnector connector) : IEmbeddingSpaceRegistry
{
    private const string Columns = "id, backbone, preprocessing, dimensions, projection";

    public Task RegisterAsync(EmbeddingSpace space, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        return connector.WriteAsync(write =>
        {
            var existing = Find(write, space.Id);
            if (existing == space)
                return;
            if (existing is not null)
                throw new StoreConflictException($"embedding space '{space.Id}' is already registered with another definition");
            write.Execute($"INSERT INTO embedding_spaces ({Columns}) VALUES ($id, $backbone, $preprocessing, $dimensions, $projection)",
                ("$id", space.Id), ("$backbone", space.Backbone), ("$preprocessing", space.Preprocessing),
                ("$dimensions", space.Dimensions), ("$projection", space.Projection));
            write.RecordChange(ChangeKind.EmbeddingSpace, space.Id);
        }, cancel);
    }

    public Task<EmbeddingSpace?> GetAsync(string id, CancellationToken cancel = default) =>
        connector.ReadAsync(read => Find(read, id), cancel);

    public Task<IReadOnlyList<EmbeddingSpace>> ListAsync(CancellationToken cancel = default) =>
        connector.ReadAsync<IReadOnlyList<EmbeddingSpace>>(
            read => read.Query($"SELECT {Columns} FROM embedding_spaces ORDER BY id", Read), cancel);

    private static EmbeddingSpace? Find(SqliteSession session, string id) =>
        session.Query($"SELECT {Columns} FROM embedding_spaces WHERE id = $id", Read, ("$id", id)).SingleOrDefault();

    private static EmbeddingSpace Read(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4));
}
