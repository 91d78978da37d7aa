using System.Collections.Concurrent;
using Pursearch.Core.Catalog;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.CatalogImport;

/// <summary>The running counts of one import (image stores run in parallel, so updates are atomic).</summary>
internal sealed class ImportTally(int total)
{
    private readonly ConcurrentQueue<CatalogImportFailure> _failures = new();
    private readonly ConcurrentQueue<ProductId> _needEmbedding = new();
    private readonly int[] _outcomes = new int[Enum.GetValues<UpsertOutcome>().Length];
    private int _imagesStored;

    public void Failed(CatalogImportFailure failure) => _failures.Enqueue(failure);

    public void ImageStored() => Interlocked.Increment(ref _imagesStored);

    public void Upserted(ProductId id, UpsertOutcome outcome)
    {
        Interlocked.Increment(ref _outcomes[(int)outcome]);
        if (outcome is UpsertOutcome.Created or UpsertOutcome.ImageChanged)
            _needEmbedding.Enqueue(id);
    }

    public CatalogImportProgress Progress()
    {
        var upserted = _outcomes.Sum();
        var updated = Count(UpsertOutcome.Changed) + Count(UpsertOutcome.PriceChanged) + Count(UpsertOutcome.ImageChanged);
        return new CatalogImportProgress(total, upserted + _failures.Count, Count(UpsertOutcome.Created), updated,
            Count(UpsertOutcome.Unchanged), _failures.Count, Volatile.Read(ref _imagesStored));
    }

    public CatalogImportResult Result(TimeSpan elapsed) => new(
        total, Count(UpsertOutcome.Created), Count(UpsertOutcome.Changed), Count(UpsertOutcome.PriceChanged),
        Count(UpsertOutcome.ImageChanged), Count(UpsertOutcome.Unchanged), Volatile.Read(ref _imagesStored),
        [.. _failures.OrderBy(f => f.Line)], [.. _needEmbedding], elapsed);

    private int Count(UpsertOutcome outcome) => Volatile.Read(ref _outcomes[(int)outcome]);
}
