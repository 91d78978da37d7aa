using Pursearch.Core.Catalog;

namespace Pursearch.Indexer.CatalogImport;

/// <summary>A catalog line whose product was skipped (its image file missing or unusable), and why.</summary>
public sealed record CatalogImportFailure(int Line, ProductId ProductId, string Message);

/// <summary>Where an import stands: lines read of <see cref="Total"/>, and what the upserts did so far
/// (<see cref="Updated"/> = any change: price, image or other fields).</summary>
public sealed record CatalogImportProgress(int Total, int Processed, int Created, int Updated, int Unchanged, int Failed,
    int ImagesStored);

/// <summary>
/// What an import did: upsert outcomes by kind, images newly stored (bytes already stored are not counted), the
/// skipped lines, and the products that need a new vector (created or image changed) for
/// <c>EmbeddingPipeline.EmbedProductsAsync</c>.
/// </summary>
public sealed record CatalogImportResult(
    int Total,
    int Created,
    int Changed,
    int PriceChanged,
    int ImageChanged,
    int Unchanged,
    int ImagesStored,
    IReadOnlyList<CatalogImportFailure> Failures,
    IReadOnlyList<ProductId> NeedEmbedding,
    TimeSpan Elapsed)
{
    public int Failed => Failures.Count;
}
