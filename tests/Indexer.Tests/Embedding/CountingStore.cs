using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.Tests.Embedding;

/// <summary>Counts products between "image opened" and "applied to the sink", remembering the highest count seen.</summary>
internal sealed class InFlightGauge
{
    private int _current;
    private int _max;
    private int _opened;

    public int Max => Volatile.Read(ref _max);
    public int Opened => Volatile.Read(ref _opened);

    public void Enter()
    {
        Interlocked.Increment(ref _opened);
        var now = Interlocked.Increment(ref _current);
        int seen;
        while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
        {
        }
    }

    public void Leave(int count) => Interlocked.Add(ref _current, -count);
}

/// <summary>The real store with its image store wrapped so every image read enters <see cref="InFlightGauge"/>.</summary>
internal sealed class CountingStore(IStore inner, InFlightGauge gauge) : IStore
{
    public string Location => inner.Location;
    public ICatalogStore Catalog => inner.Catalog;
    public IChangeFeed Changes => inner.Changes;
    public IEmbeddingStore Embeddings => inner.Embeddings;
    public IEmbeddingSpaceRegistry Spaces => inner.Spaces;
    public IModelRegistry Models => inner.Models;
    public IGenerationRegistry Generations => inner.Generations;
    public IScrapeRunLog ScrapeRuns => inner.ScrapeRuns;
    public IImageStore Images { get; } = new CountingImages(inner.Images, gauge);

    public Task<StoreOverview> DescribeAsync(CancellationToken cancel = default) => inner.DescribeAsync(cancel);

    // The inner store belongs to the test's world, which disposes it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class CountingImages(IImageStore images, InFlightGauge gauge) : IImageStore
    {
        public long MaxBytes => images.MaxBytes;

        public Task<ImagePut> PutAsync(Stream content, string contentType, CancellationToken cancel = default) =>
            images.PutAsync(content, contentType, cancel);

        public Task<bool> ExistsAsync(string sha256, CancellationToken cancel = default) => images.ExistsAsync(sha256, cancel);

        public Task<StoredImage?> GetInfoAsync(string sha256, CancellationToken cancel = default) =>
            images.GetInfoAsync(sha256, cancel);

        public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancel = default)
        {
            gauge.Enter();
            return images.OpenReadAsync(sha256, cancel);
        }
    }
}
