using Pursearch.Indexer.Embedding;

namespace Pursearch.Indexer.Tests.Embedding;

/// <summary>An index that takes <paramref name="delay"/> per batch, then lets the batch leave the in-flight gauge and
/// signals <see cref="FirstBatch"/> after the first one.</summary>
internal sealed class SlowSink(TimeSpan delay, InFlightGauge gauge) : IVectorSink
{
    private readonly TaskCompletionSource _firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InMemoryVectorSink Applied { get; } = new();
    public Task FirstBatch => _firstBatch.Task;

    public async Task ApplyAsync(IReadOnlyList<EmbeddedProduct> batch, CancellationToken cancel)
    {
        await Task.Delay(delay, cancel);
        await Applied.ApplyAsync(batch, cancel);
        gauge.Leave(batch.Count);
        _firstBatch.TrySetResult();
    }
}

/// <summary>Keeps every progress report, synchronously (Progress&lt;T&gt; would post them to the thread pool out of order).</summary>
internal sealed class RecordedProgress<T> : IProgress<T>
{
    private readonly List<T> _reports = [];

    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (_reports)
                return [.. _reports];
        }
    }

    public void Report(T value)
    {
        lock (_reports)
            _reports.Add(value);
    }
}

/// <summary>An index that is down.</summary>
internal sealed class FailingSink : IVectorSink
{
    public const string Message = "index shard unavailable";

    public Task ApplyAsync(IReadOnlyList<EmbeddedProduct> batch, CancellationToken cancel) =>
        throw new InvalidOperationException(Message);
}
