using System.Collections.Concurrent;
using Pursearch.Core.Catalog;

namespace Pursearch.Indexer.Embedding;

/// <summary>Keeps the latest vector of each product in memory and counts batches: for tests, benchmarks and tools
/// that only need the vectors.</summary>
public sealed class InMemoryVectorSink : IVectorSink
{
    private readonly ConcurrentDictionary<ProductId, EmbeddedProduct> _latest = new();
    private int _batches;

    public int Count => _latest.Count;
    public int Batches => Volatile.Read(ref _batches);
    public IReadOnlyCollection<EmbeddedProduct> Items => [.. _latest.Values];

    public EmbeddedProduct? Find(ProductId id) => _latest.GetValueOrDefault(id);

    public Task ApplyAsync(IReadOnlyList<EmbeddedProduct> batch, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        foreach (var item in batch)
            _latest[item.Product.Id] = item;
        Interlocked.Increment(ref _batches);
        return Task.CompletedTask;
    }
}
