using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Versions;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Sqlite;

/// <summary>Vectors in the <c>embeddings</c> table as little-endian float32 blobs, keyed by (space, product).</summary>
public sealed class SqliteEmbeddings(SqliteConnector connector) : IEmbeddingStore
{
    public const int MaxListSize = 10_000;

    /// <summary>Rows read per query while streaming a shard: bounds memory to about this many vectors.</summary>
    public const int StreamChunk = 256;

    public Task PutAsync(EmbeddingWrite embedding, CancellationToken cancel = default) =>
        PutManyAsync([embedding], cancel);

    public Task PutManyAsync(IReadOnlyList<EmbeddingWrite> embeddings, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Count == 0)
            return Task.CompletedTask;
        return connector.WriteAsync(write =>
        {
            var dimensions = new Dictionary<string, int>(StringComparer.Ordinal);
            using var upsert = write.Command("""
                INSERT INTO embeddings (space_id, product_id, image_sha256, vector, created_at)
                VALUES ($space, $product, $sha, $vector, $at)
                ON CONFLICT (space_id, product_id) DO UPDATE SET
                    image_sha256 = excluded.image_sha256, vector = excluded.vector, created_at = excluded.created_at
                """);
            foreach (var embedding in embeddings)
            {
                cancel.ThrowIfCancellationRequested();
                CheckDimensions(write, dimensions, embedding);
                if (write.Scalar("SELECT 1 FROM products WHERE id = $id", ("$id", embedding.ProductId.ToString())) is null)
                    throw new StoreNotFoundException("product", embedding.ProductId.ToString());
                Bind(upsert, embedding);
                upsert.ExecuteNonQuery();
                write.RecordChange(ChangeKind.Embedding, ChangeKeys.Embedding(embedding.SpaceId, embedding.ProductId));
            }
        }, cancel);
    }

    public Task<StoredEmbedding?> GetAsync(ProductId id, string spaceId, CancellationToken cancel = default) =>
        connector.ReadAsync(read => read.Query(
                "SELECT vector, image_sha256, created_at FROM embeddings WHERE space_id = $space AND product_id = $product",
                r => new StoredEmbedding(id, spaceId, SqliteValues.Vector((byte[])r[0]), r.GetString(1),
                    SqliteValues.Time(r.GetInt64(2))),
                ("$space", spaceId), ("$product", id.ToString()))
            .SingleOrDefault(), cancel);

    public Task<IReadOnlyList<Product>> ListNeedingAsync(string spaceId, ProductId? after, int limit,
        CancellationToken cancel = default)
    {
        if (limit is < 1 or > MaxListSize)
            throw new DomainException("limit", $"{limit} is out of range 1..{MaxListSize}");
        return connector.ReadAsync<IReadOnlyList<Product>>(read =>
        {
            RequireSpace(read, spaceId);
            return read.Query($"""
                    SELECT {SqliteProductRows.Columns("p")} FROM products p
                    LEFT JOIN embeddings e ON e.space_id = $space AND e.product_id = p.id
                    WHERE p.image_sha256 IS NOT NULL AND p.id > $after
                      AND (e.product_id IS NULL OR e.image_sha256 <> p.image_sha256)
                    ORDER BY p.id LIMIT $limit
                    """, r => SqliteProductRows.Read(r),
                ("$space", spaceId), ("$after", after?.ToString() ?? ""), ("$limit", limit));
        }, cancel);
    }

    public async IAsyncEnumerable<ShardVector> StreamShardAsync(string spaceId, int shard, int shardCount,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        if (shardCount <= 0)
            throw new DomainException("shardCount", "must be positive");
        if (shard < 0 || shard >= shardCount)
            throw new DomainException("shard", $"{shard} is out of range 0..{shardCount - 1}");
        await connector.ReadAsync(read => RequireSpace(read, spaceId), cancel);
        var after = "";
        while (true)
        {
            var chunk = await connector.ReadAsync(read => ReadShardChunk(read, spaceId, shard, shardCount, after), cancel);
            foreach (var vector in chunk)
                yield return vector;
            if (chunk.Count < StreamChunk)
                yield break;
            after = chunk[^1].Product.Id.ToString();
        }
    }

    public Task<long> CountAsync(string spaceId, CancellationToken cancel = default) =>
        connector.ReadAsync(read => Convert.ToInt64(read.Scalar(
            "SELECT count(*) FROM embeddings WHERE space_id = $space", ("$space", spaceId))), cancel);

    // Walks the (space, product) key in order and tests the shard on the key alone, so vectors of other
    // shards are never loaded.
    private static List<ShardVector> ReadShardChunk(SqliteSession read, string spaceId, int shard, int shardCount,
        string after) =>
        read.Query($"""
                SELECT {SqliteProductRows.Columns("p")}, e.vector
                FROM embeddings e CROSS JOIN products p
                WHERE e.space_id = $space AND e.product_id > $after AND shard_of(e.product_id, $count) = $shard
                  AND p.id = e.product_id
                ORDER BY e.product_id LIMIT $limit
                """,
            r => new ShardVector(SqliteProductRows.Read(r), SqliteValues.Vector((byte[])r[SqliteProductRows.ColumnCount])),
            ("$space", spaceId), ("$after", after), ("$count", shardCount), ("$shard", shard), ("$limit", StreamChunk));

    private static void CheckDimensions(SqliteWrite write, Dictionary<string, int> known, EmbeddingWrite embedding)
    {
        if (!known.TryGetValue(embedding.SpaceId, out var dimensions))
        {
            dimensions = write.Scalar("SELECT dimensions FROM embedding_spaces WHERE id = $id", ("$id", embedding.SpaceId))
                is { } d
                ? Convert.ToInt32(d)
                : throw new StoreNotFoundException("embedding space", embedding.SpaceId);
            known[embedding.SpaceId] = dimensions;
        }
        if (embedding.Vector.Length != dimensions)
            throw new DomainException("vector",
                $"has {embedding.Vector.Length} dimensions but space {embedding.SpaceId} has {dimensions}");
    }

    private static bool RequireSpace(SqliteSession read, string spaceId) =>
        read.Scalar("SELECT 1 FROM embedding_spaces WHERE id = $id", ("$id", VersionId.Check(spaceId, "embeddingSpace")))
            is not null
            ? true
            : throw new StoreNotFoundException("embedding space", spaceId);

    private static void Bind(SqliteCommand upsert, EmbeddingWrite embedding)
    {
        upsert.Parameters.Clear();
        upsert.Parameters.AddWithValue("$space", embedding.SpaceId);
        upsert.Parameters.AddWithValue("$product", embedding.ProductId.ToString());
        upsert.Parameters.AddWithValue("$sha", embedding.ImageSha256);
        upsert.Parameters.AddWithValue("$vector", SqliteValues.Vector(embedding.Vector));
        upsert.Parameters.AddWithValue("$at", SqliteValues.Ticks(DateTimeOffset.UtcNow));
    }
}
