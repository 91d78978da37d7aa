namespace Pursearch.Indexer.CatalogImport;

/// <summary>A Forge output dir that cannot be imported: missing, or a catalog line that is not a valid product
/// (<see cref="Line"/> names it, 1-based). Nothing after the bad line is imported; the batches before it are kept.</summary>
public sealed class CatalogImportException(string message, int? line = null) : Exception(message)
{
    public int? Line { get; } = line;
}
