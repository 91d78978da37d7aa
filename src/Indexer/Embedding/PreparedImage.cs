using Pursearch.Core.Catalog;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Embedding;

/// <summary>A product with its image decoded and squared to the network's input side, or the reason it could not be.</summary>
internal sealed record PreparedImage(Product Product, RgbaImage? Pixels, EmbeddingFailure? Failure)
{
    public static PreparedImage Ready(Product product, RgbaImage pixels) => new(product, pixels, null);

    public static PreparedImage Skipped(Product product, EmbeddingFailureKind kind, string message) =>
        new(product, null, new EmbeddingFailure(product.Id, kind, message));
}
