using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Index.Columns;
using Pursearch.Index.Native;
using Pursearch.Index.Planning;
using Pursearch.Index.Search;
using Pursearch.Index.Snapshots;

namespace Pursearch.Index;

/// <summary>
/// One shard of the index: an HNSW cosine graph (USearch) keyed by row number, the rows' filter columns and
/// display fields, a planner choosing filtered HNSW or an exact scan, mutations, and snapshots.
/// <para>
/// Thread safety: any number of queries run at once under a read lock. Writers are serialised among
/// themselves; the managed columns change only under the write lock, while the expensive native adds of a
/// bulk add run in parallel under read locks beside queries (except adds that reuse a removed node, which
/// USearch rewires in place and so get the write lock). A removal holds the write lock, so once
/// <see cref="Remove"/> returns no query can return the removed product.
/// </para>
/// </summary>
public sealed class IndexShard : IDisposable
{
    private const int AddBatch = 64;

    private readonly HnswIndex _graph;
    private readonly ShardColumns _columns;
    private readonly QueryPlanner _planner;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Lock _writers = new();
    private long _sequence;

    private IndexShard(ShardOptions options, HnswIndex graph, ShardColumns columns, long sequence)
    {
        Options = options;
        _graph = graph;
        _columns = columns;
        _planner = new QueryPlanner(options.Planner);
        _sequence = sequence;
    }

    public ShardOptions Options { get; }

    /// <summary>A view of a snapshot: queries only.</summary>
    public bool IsReadOnly => _graph.IsReadOnly;

    /// <summary>The store's change sequence this shard reflects.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    public int Count => Read(() => _columns.LiveCount);

    public static IndexShard Create(ShardOptions options)
    {
        options.Validate();
        return new IndexShard(options, HnswIndex.Create(options.Graph), new ShardColumns(), 0);
    }

    /// <summary>Builds a shard from the store's rows (the store being the source of truth), in parallel batches.</summary>
    public static IndexShard Build(ShardOptions options, IEnumerable<ShardRecord> records, long sequence = 0,
        int batchSize = 8192)
    {
        var shard = Create(options);
        try
        {
            foreach (var batch in records.Chunk(batchSize))
                shard.UpsertRange(batch);
            shard.AdvanceSequence(sequence);
            return shard;
        }
        catch
        {
            shard.Dispose();
            throw;
        }
    }

    /// <inheritdoc cref="Build"/>
    public static async Task<IndexShard> BuildAsync(ShardOptions options, IAsyncEnumerable<ShardRecord> records,
        long sequence = 0, int batchSize = 8192, CancellationToken cancel = default)
    {
        var shard = Create(options);
        try
        {
            var batch = new List<ShardRecord>(batchSize);
            await foreach (var record in records.WithCancellation(cancel))
            {
                batch.Add(record);
                if (batch.Count < batchSize)
                    continue;
                shard.UpsertRange(batch);
                batch.Clear();
            }
            shard.UpsertRange(batch);
            shard.AdvanceSequence(sequence);
            return shard;
        }
        catch
        {
            shard.Dispose();
            throw;
        }
    }

    public bool Contains(ProductId id) => Read(() => _columns.TryGetRow(id, out _));

    public IndexedProduct? Find(ProductId id) =>
        Read(() => _columns.TryGetRow(id, out var row) ? _columns.ProductAt(row) : null);

    /// <summary>Adds a product, or replaces it (and its vector) when the id is present.</summary>
    public void Upsert(IndexedProduct product, ReadOnlySpan<float> vector, long sequence = 0) =>
        UpsertRange([new ShardRecord(product, vector.ToArray())], sequence);

    /// <summary>
    /// Adds or replaces many products: the rows are written under the write lock, then the vectors are added
    /// to the graph by <see cref="ShardOptions.BuildThreads"/> threads while queries go on.
    /// </summary>
    public void UpsertRange(IReadOnlyCollection<ShardRecord> records, long sequence = 0)
    {
        ArgumentNullException.ThrowIfNull(records);
        var incoming = Prepare(records);
        lock (_writers)
        {
            ThrowIfReadOnly("add");
            var (rows, reused, failures) = Write(() => InsertRows(incoming));
            AddVectors(incoming, rows, reused, failures);
            if (!failures.IsEmpty)
            {
                Write(() => RollBack(incoming, rows, failures));
                var (_, first) = failures.First();
                throw new NativeIndexException("add", $"{failures.Count} of {rows.Length} vectors failed: {first.Message}");
            }
            AdvanceSequence(sequence);
        }
    }

    /// <summary>Changes price and availability only; the vector stays. False when the product is absent.</summary>
    public bool Reprice(ProductId id, Money price, Availability availability, long sequence = 0)
    {
        var priceInBase = ToBase(price, "price");
        lock (_writers)
        {
            ThrowIfReadOnly("reprice");
            var found = Write(() => RepriceRow(id, price, availability, priceInBase));
            AdvanceSequence(sequence);
            return found;
        }
    }

    /// <summary>Removes a product; false when it was absent.</summary>
    public bool Remove(ProductId id, long sequence = 0)
    {
        lock (_writers)
        {
            ThrowIfReadOnly("remove");
            var removed = Write(() => RemoveRow(id));
            AdvanceSequence(sequence);
            return removed;
        }
    }

    /// <summary>
    /// Replays the store's changes after this shard's sequence (older ones are already held and skipped), in
    /// order; consecutive upserts are added as one parallel batch. Returns how many changes were applied.
    /// </summary>
    public int ApplyChanges(IEnumerable<ShardChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_writers)
        {
            var applied = 0;
            var last = Sequence;
            var run = new List<ShardChange>();
            foreach (var change in changes)
            {
                if (change.Sequence <= Sequence)
                    continue;
                if (change.Sequence <= last)
                    throw new DomainException("sequence", $"change {change.Sequence} comes after {last}: changes must be in order");
                last = change.Sequence;
                applied++;
                if (run.Count > 0 && run[^1] is ShardChange.Upsert != change is ShardChange.Upsert)
                    ApplyRun(run);
                run.Add(change);
            }
            ApplyRun(run);
            return applied;
        }
    }

    /// <summary>The k nearest products passing the filter, best first, and the plan that found them.</summary>
    public ShardAnswer Search(ShardQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckQuery(query);
        var buffer = ArrayPool<float>.Shared.Rent(Options.Dimensions);
        try
        {
            var vector = buffer.AsSpan(0, Options.Dimensions);
            VectorInput.Normalize(query.Vector, vector);
            _lock.EnterReadLock();
            try
            {
                return Answer(query, vector);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    public ShardMemory MeasureMemory() => Read(() =>
    {
        long listing = 0;
        foreach (var row in _columns.LiveRows)
            listing += ShardMemory.EstimateListingBytes(_columns.ProductAt(row)!);
        // Per row: price, four ids, availability, the product reference, and the id-to-row entry.
        long columns = _columns.Capacity * (4L + 4 * 4 + 1 + 8) + _columns.LiveCount * 48L;
        return new ShardMemory(_columns.LiveCount, _graph.MemoryUsage, columns, listing);
    });

    /// <summary>
    /// Writes a snapshot directory (manifest, graph, columns) holding <see cref="Sequence"/>; queries continue
    /// meanwhile, writers wait. The directory is replaced whole.
    /// </summary>
    public SnapshotManifest Save(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        lock (_writers)
        {
            SnapshotManifest? manifest = null;
            SnapshotDirectory.Replace(directory, staging =>
                manifest = Read(() => SnapshotFiles.Write(staging, _graph, _columns, Sequence, Options.Rates.Base)));
            return manifest!;
        }
    }

    /// <summary>Opens a snapshot directory; <see cref="SnapshotMode.View"/> memory-maps the graph read-only.</summary>
    public static IndexShard Open(string directory, ShardOptions options, SnapshotMode mode = SnapshotMode.Load)
    {
        options.Validate();
        var (manifest, graph, columns) = SnapshotFiles.Read(directory, options.Graph, options.Rates.Base, mode);
        return new IndexShard(options with { Graph = graph.Settings }, graph, columns, manifest.Sequence);
    }

    public void Dispose()
    {
        lock (_writers)
        {
            _lock.EnterWriteLock();
            try
            {
                _graph.Dispose();
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
    }

    private ShardAnswer Answer(ShardQuery query, ReadOnlySpan<float> vector)
    {
        var filter = RowFilter.Compile(query.Filter, query.ExcludeFamily, _columns, Options.Rates);
        var live = _columns.LiveCount;
        var estimate = filter.MatchesEverything ? live : MatchEstimator.Estimate(filter, _columns);
        var choice = _planner.Choose(filter, estimate, live, query, Options.Expansion);
        var wanted = query.Rescorer is { } rescorer ? Math.Max(query.K, rescorer.Candidates) : query.K;
        var rows = choice.Plan == QueryPlan.Exact
            ? filter.MatchesNothing ? [] : ExactScan.Run(_graph, _columns, filter, vector, wanted)
            : Walk(vector, wanted, choice, filter);
        if (query.Rescorer is not null)
            rows = CandidateRescoring.Apply(_graph, _columns, query.Rescorer, rows, query.K);
        var hits = new List<ShardHit>(rows.Count);
        foreach (var (row, score) in rows)
            if (_columns.ProductAt(row) is { } product)
                hits.Add(new ShardHit(product, score));
        return new ShardAnswer(hits, choice.Plan, estimate, choice.Expansion);
    }

    private List<(int Row, float Score)> Walk(ReadOnlySpan<float> vector, int k, PlanChoice choice, RowFilter filter)
    {
        // USearch widens the walk to the number of results asked for, which is how one query gets its own ef.
        var wanted = Math.Max(k, choice.Expansion);
        var keys = ArrayPool<ulong>.Shared.Rent(wanted);
        var distances = ArrayPool<float>.Shared.Rent(wanted);
        try
        {
            var found = choice.NeedsPredicate
                ? _graph.FilteredSearch(vector, keys.AsSpan(0, wanted), distances.AsSpan(0, wanted), filter)
                : _graph.Search(vector, keys.AsSpan(0, wanted), distances.AsSpan(0, wanted));
            var rows = new List<(int Row, float Score)>(Math.Min(found, k));
            for (var i = 0; i < found && rows.Count < k; i++)
                rows.Add(((int)keys[i], 1 - distances[i]));
            return rows;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<float>.Shared.Return(distances);
        }
    }

    private ShardRecord[] Prepare(IReadOnlyCollection<ShardRecord> records)
    {
        // The last record of an id wins, as if they were applied one after another.
        var latest = new Dictionary<ProductId, ShardRecord>();
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record);
            ArgumentNullException.ThrowIfNull(record.Product);
            VectorInput.Check(record.Vector, Options.Dimensions, "vector");
            ToBase(record.Product.Price, "price");
            latest.Remove(record.Product.Id);
            latest.Add(record.Product.Id, record);
        }
        return [.. latest.Values];
    }

    /// <summary>
    /// Writes the rows, and adds the vectors that reuse removed graph nodes right away. USearch hands a new
    /// vector a removed node's slot while it has one and rewires that node in place, which is not safe while
    /// other threads walk the graph; so those adds happen here, under the write lock. Every later add takes a
    /// fresh node, which USearch supports beside concurrent adds and searches.
    /// </summary>
    private (int[] Rows, int Reused, ConcurrentBag<(int Index, Exception Error)> Failures) InsertRows(ShardRecord[] incoming)
    {
        foreach (var record in incoming)
            RemoveRow(record.Product.Id);
        var reused = Math.Min(incoming.Length, _columns.FreeRowCount);
        _columns.EnsureCapacity(_columns.RowsNeededFor(incoming.Length));
        var capacity = _graph.Capacity;
        if (capacity < _columns.RowCount + incoming.Length)
            _graph.Reserve(Math.Max(_columns.RowCount + incoming.Length, capacity + capacity / 2));
        var rows = new int[incoming.Length];
        for (var i = 0; i < incoming.Length; i++)
            rows[i] = _columns.Insert(incoming[i].Product, ToBase(incoming[i].Product.Price, "price"));
        var failures = new ConcurrentBag<(int, Exception)>();
        AddEach(incoming, rows, 0, reused, failures);
        return (rows, reused, failures);
    }

    /// <summary>Adds the vectors from <paramref name="from"/> on, in parallel batches beside queries.</summary>
    private void AddVectors(ShardRecord[] incoming, int[] rows, int from, ConcurrentBag<(int Index, Exception Error)> failures)
    {
        var count = incoming.Length - from;
        if (count <= AddBatch)
        {
            AddBatchOf(incoming, rows, from, incoming.Length, failures);
            return;
        }
        var batches = (count + AddBatch - 1) / AddBatch;
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = Options.BuildThreads },
            batch => AddBatchOf(incoming, rows, from + batch * AddBatch,
                Math.Min(incoming.Length, from + (batch + 1) * AddBatch), failures));
    }

    private void AddBatchOf(ShardRecord[] incoming, int[] rows, int from, int to,
        ConcurrentBag<(int, Exception)> failures)
    {
        if (from >= to)
            return;
        _lock.EnterReadLock();
        try
        {
            AddEach(incoming, rows, from, to, failures);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void AddEach(ShardRecord[] incoming, int[] rows, int from, int to, ConcurrentBag<(int, Exception)> failures)
    {
        var buffer = ArrayPool<float>.Shared.Rent(Options.Dimensions);
        try
        {
            var vector = buffer.AsSpan(0, Options.Dimensions);
            for (var i = from; i < to; i++)
            {
                try
                {
                    VectorInput.Normalize(incoming[i].Vector, vector);
                    _graph.Add((ulong)rows[i], vector);
                    _columns.MarkInGraph(rows[i]);
                }
                catch (NativeIndexException e)
                {
                    failures.Add((i, e));
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private bool RollBack(ShardRecord[] incoming, int[] rows, ConcurrentBag<(int Index, Exception Error)> failures)
    {
        foreach (var (index, _) in failures)
            if (_columns.TryGetRow(incoming[index].Product.Id, out var row) && row == rows[index])
                _columns.Delete(incoming[index].Product.Id);
        return true;
    }

    private bool RemoveRow(ProductId id)
    {
        var row = _columns.Delete(id);
        if (row < 0)
            return false;
        _graph.Remove((ulong)row);
        return true;
    }

    /// <summary>Applies consecutive changes of one kind: upserts as one parallel bulk add, edits under one write lock.</summary>
    private void ApplyRun(List<ShardChange> run)
    {
        if (run.Count == 0)
            return;
        if (run[0] is ShardChange.Upsert)
            UpsertRange(run.Cast<ShardChange.Upsert>().Select(u => new ShardRecord(u.Product, u.Vector)).ToList(), run[^1].Sequence);
        else
            ApplyEdits(run);
        run.Clear();
    }

    private void ApplyEdits(List<ShardChange> edits)
    {
        ThrowIfReadOnly("apply changes");
        var pricesInBase = edits.OfType<ShardChange.Reprice>().Select(r => ToBase(r.Price, "price")).ToList();
        Write(() =>
        {
            var next = 0;
            foreach (var edit in edits)
                _ = edit switch
                {
                    ShardChange.Reprice r => RepriceRow(r.Id, r.Price, r.Availability, pricesInBase[next++]),
                    ShardChange.Remove r => RemoveRow(r.Id),
                    _ => throw new UnreachableException("a run of edits holds no upserts"),
                };
            return true;
        });
        AdvanceSequence(edits[^1].Sequence);
    }

    private bool RepriceRow(ProductId id, Money price, Availability availability, float priceInBase)
    {
        if (!_columns.TryGetRow(id, out var row))
            return false;
        _columns.Reprice(row, _columns.ProductAt(row)!.WithListing(price, availability), priceInBase);
        return true;
    }

    private void CheckQuery(ShardQuery query)
    {
        if (query.K is < 1 or > ShardQuery.MaxK)
            throw new DomainException("k", $"{query.K} is out of range 1..{ShardQuery.MaxK}");
        if (query.Rescorer is { Candidates: < 1 or > ShardQuery.MaxK })
            throw new DomainException("candidates", $"{query.Rescorer.Candidates} is out of range 1..{ShardQuery.MaxK}");
        if (query.Expansion is < 1 or > 4096)
            throw new DomainException("expansion", $"{query.Expansion} is out of range 1..4096");
        ArgumentNullException.ThrowIfNull(query.Filter);
        VectorInput.Check(query.Vector, Options.Dimensions, "query");
    }

    private float ToBase(Money price, string field)
    {
        if (!Options.Rates.Supports(price.Currency))
            throw new DomainException(field, $"no exchange rate from {price.Currency} to {Options.Rates.Base}");
        return (float)Options.Rates.Convert(price, Options.Rates.Base).Amount;
    }

    private void AdvanceSequence(long sequence)
    {
        if (sequence < 0)
            throw new DomainException("sequence", "must not be negative");
        if (sequence > Sequence)
            Interlocked.Exchange(ref _sequence, sequence);
    }

    private void ThrowIfReadOnly(string operation)
    {
        if (IsReadOnly)
            throw new ShardReadOnlyException(operation);
    }

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private T Write<T>(Func<T> write)
    {
        _lock.EnterWriteLock();
        try
        {
            return write();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
