using Pursearch.Core.Catalog;

namespace Pursearch.Storage.Contracts;

/// <summary>What kind of thing a change record's key names.</summary>
public enum ChangeKind
{
    /// <summary>Key: the product id.</summary>
    Product,

    /// <summary>Key: <c>{spaceId}/{productId}</c> (see <see cref="ChangeKeys.Embedding"/>).</summary>
    Embedding,

    /// <summary>Key: the space id.</summary>
    EmbeddingSpace,

    /// <summary>Key: the model version id.</summary>
    ModelVersion,

    /// <summary>Key: the alias name, <c>live</c>.</summary>
    ModelAlias,

    /// <summary>Key: the generation id (its state changed or it was created).</summary>
    Generation,

    /// <summary>Key: the alias name, <c>live</c>.</summary>
    GenerationAlias,

    /// <summary>Key: the run id.</summary>
    ScrapeRun,

    /// <summary>Key: the SHA-256 of the image.</summary>
    Image,
}

/// <summary>One entry of the change feed: the key of something that changed at <see cref="Sequence"/>.</summary>
public sealed record ChangeRecord(long Sequence, ChangeKind Kind, string Key);

/// <summary>Builds and reads the keys of change records.</summary>
public static class ChangeKeys
{
    public const string LiveAlias = "live";

    public static string Embedding(string spaceId, ProductId productId) => $"{spaceId}/{productId}";

    /// <summary>Splits an embedding key into space and product (space ids never contain '/').</summary>
    public static (string SpaceId, ProductId ProductId) ParseEmbedding(string key)
    {
        var slash = key.IndexOf('/');
        return slash > 0
            ? (key[..slash], ProductId.Parse(key[(slash + 1)..]))
            : throw new FormatException($"'{key}' is not an embedding key ({{spaceId}}/{{productId}})");
    }
}
