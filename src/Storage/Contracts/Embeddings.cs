using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Versions;

namespace Pursearch.Storage.Contracts;

/// <summary>A vector to store: made in <see cref="SpaceId"/> from the image bytes whose hash is <see cref="ImageSha256"/>.</summary>
public sealed record EmbeddingWrite
{
    public ProductId ProductId { get; }
    public string SpaceId { get; }
    public float[] Vector { get; }
    public string ImageSha256 { get; }

    public EmbeddingWrite(ProductId productId, string spaceId, float[] vector, string imageSha256)
    {
        ProductId = productId.Sku is null ? throw new DomainException("productId", "is required") : productId;
        SpaceId = VersionId.Check(spaceId, "embeddingSpace");
        if (vector is null || vector.Length == 0)
            throw new DomainException("vector", "must not be empty");
        if (!vector.All(float.IsFinite))
            throw new DomainException("vector", "must hold finite numbers only");
        Vector = vector;
        ImageSha256 = Guard.Sha256Hex(imageSha256, "imageSha256");
    }
}

/// <summary>A stored vector and the image it was made from.</summary>
public sealed record StoredEmbedding(ProductId ProductId, string SpaceId, float[] Vector, string ImageSha256, DateTimeOffset CreatedAt);

/// <summary>One vector of a shard with the product fields an index keeps beside it (price, retailer, brand, style, links).</summary>
public sealed record ShardVector(Product Product, float[] Vector);
