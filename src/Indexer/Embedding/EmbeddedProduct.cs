using Pursearch.Core.Catalog;

namespace Pursearch.Indexer.Embedding;

/// <summary>A product as it was listed for embedding and its new L2-normalised vector in <see cref="SpaceId"/>,
/// made from the image <see cref="Product.ImageSha256"/> names.</summary>
public sealed record EmbeddedProduct(Product Product, string SpaceId, float[] Vector);
