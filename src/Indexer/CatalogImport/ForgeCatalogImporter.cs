using System.Diagnostics;
using System.Security.Cryptography;
using Pursearch.Core.Catalog;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.CatalogImport;

/// <summary>
/// Imports a Forge output dir into the store as if its retailers had been crawled: each product shot is stored
/// content-addressed, then the products are upserted with their image hash, a batch per transaction. Idempotent: a
/// second import of the same dir stores no image and leaves every product Unchanged (the change sequence does not move).
/// Until the crawler issue, this is how <c>up --demo</c> fills its catalog.
/// </summary>
public sealed class ForgeCatalogImporter
{
    private const int ImageParallelism = 4;

    private readonly IStore _store;
    private readonly int _batchSize;

    public ForgeCatalogImporter(IStore store, int batchSize = 200)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _batchSize = batchSize;
    }

    /// <exception cref="CatalogImportException">The dir or its catalog is missing, or a line is not a valid product.</exception>
    public async Task<CatalogImportResult> ImportAsync(string forgeDirectory, IProgress<CatalogImportProgress>? progress = null,
        CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var reader = new ForgeCatalogReader(forgeDirectory).RequireCatalog();
        var tally = new ImportTally(await reader.CountAsync(cancel));
        progress?.Report(tally.Progress());
        var batch = new List<ForgeCatalogEntry>(_batchSize);
        await foreach (var entry in reader.ReadAsync(cancel))
        {
            batch.Add(entry);
            if (batch.Count < _batchSize)
                continue;
            await ImportBatchAsync(batch, tally, cancel);
            progress?.Report(tally.Progress());
            batch.Clear();
        }
        await ImportBatchAsync(batch, tally, cancel);
        progress?.Report(tally.Progress());
        return tally.Result(clock.Elapsed);
    }

    private async Task ImportBatchAsync(IReadOnlyList<ForgeCatalogEntry> batch, ImportTally tally, CancellationToken cancel)
    {
        if (batch.Count == 0)
            return;
        var stored = new Product?[batch.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ImageParallelism, CancellationToken = cancel },
            async (i, token) => stored[i] = await StoreImageAsync(batch[i], tally, token));
        var products = stored.OfType<Product>().ToList();
        var outcomes = await _store.Catalog.UpsertManyAsync(products, cancel);
        for (var i = 0; i < products.Count; i++)
            tally.Upserted(products[i].Id, outcomes[i]);
    }

    // The product with its image hash, or null (failure recorded) when its shot cannot be stored.
    private async Task<Product?> StoreImageAsync(ForgeCatalogEntry entry, ImportTally tally, CancellationToken cancel)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(entry.ImagePath) is { Exists: true } file && file.Length > _store.Images.MaxBytes)
                throw new ImageTooLargeException(_store.Images.MaxBytes);
            bytes = await File.ReadAllBytesAsync(entry.ImagePath, cancel);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or ImageTooLargeException)
        {
            tally.Failed(new CatalogImportFailure(entry.Line, entry.Product.Id, e is ImageTooLargeException
                ? $"image {entry.ImagePath}: {e.Message}"
                : $"image {entry.ImagePath} does not exist"));
            return null;
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        // Hashing first makes a re-import cheap: known bytes are not rewritten.
        if (!await _store.Images.ExistsAsync(sha, cancel))
        {
            using var content = new MemoryStream(bytes, writable: false);
            var put = await _store.Images.PutAsync(content, MediaTypeOf(entry.ImagePath), cancel);
            if (put.Created)
                tally.ImageStored();
        }
        return entry.Product.WithImage(sha);
    }

    private static string MediaTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        ".bmp" => "image/bmp",
        _ => "application/octet-stream",
    };
}
