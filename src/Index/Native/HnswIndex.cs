using System.Runtime.InteropServices;

namespace Pursearch.Index.Native;

/// <summary>
/// One native USearch HNSW graph (cosine) behind a typed, thread-safe surface.
/// USearch lets searches, adds and removes run concurrently as long as no more callers than its thread slots
/// are inside at once (an extra caller would index past its context array), and as long as nothing reserves
/// while they run. A semaphore enforces the first rule and a reader/writer lock the second.
/// </summary>
internal sealed unsafe class HnswIndex : IDisposable
{
    private readonly NativeIndexHandle _handle;
    private readonly ReaderWriterLockSlim _structure = new(LockRecursionPolicy.NoRecursion);
    private SemaphoreSlim _slots;

    private HnswIndex(NativeIndexHandle handle, HnswSettings settings)
    {
        _handle = handle;
        Settings = settings;
        _slots = new SemaphoreSlim(settings.Threads, settings.Threads);
    }

    public HnswSettings Settings { get; private set; }

    public int Dimensions => Settings.Dimensions;

    /// <summary>True for a memory-mapped view of a file: searches only.</summary>
    public bool IsReadOnly { get; private set; }

    public static HnswIndex Create(HnswSettings settings)
    {
        settings.Validate();
        var options = OptionsOf(settings);
        var pointer = UsearchNative.Init(ref options, out var error);
        var handle = NativeIndexHandle.Adopt(pointer);
        if (error != nint.Zero || handle.IsInvalid)
        {
            handle.Dispose();
            throw new NativeIndexException("init", error == nint.Zero ? "no index was created" : MessageOf(error));
        }
        var index = new HnswIndex(handle, settings);
        using (index.EnterExclusive())
            index.ApplyThreads();
        return index;
    }

    /// <summary>Reads a saved graph into memory; it can then be modified.</summary>
    public static HnswIndex Load(string path, HnswSettings settings) => Open(path, settings, view: false);

    /// <summary>Memory-maps a saved graph read-only: opens in milliseconds, pages in on demand.</summary>
    public static HnswIndex View(string path, HnswSettings settings) => Open(path, settings, view: true);

    public long Size
    {
        get
        {
            using var scope = EnterShared();
            var size = UsearchNative.Size(_handle, out var error);
            Check("size", error);
            return (long)size;
        }
    }

    public long Capacity
    {
        get
        {
            using var scope = EnterShared();
            var capacity = UsearchNative.Capacity(_handle, out var error);
            Check("capacity", error);
            return (long)capacity;
        }
    }

    public int Connectivity
    {
        get
        {
            using var scope = EnterShared();
            var connectivity = UsearchNative.Connectivity(_handle, out var error);
            Check("connectivity", error);
            return (int)connectivity;
        }
    }

    public int ExpansionSearch
    {
        get
        {
            using var scope = EnterShared();
            var expansion = UsearchNative.ExpansionSearch(_handle, out var error);
            Check("expansion_search", error);
            return (int)expansion;
        }
    }

    public int ExpansionAdd
    {
        get
        {
            using var scope = EnterShared();
            var expansion = UsearchNative.ExpansionAdd(_handle, out var error);
            Check("expansion_add", error);
            return (int)expansion;
        }
    }

    /// <summary>Bytes the native index holds (vectors, graph, lookup tables).</summary>
    public long MemoryUsage
    {
        get
        {
            using var scope = EnterShared();
            var bytes = UsearchNative.MemoryUsage(_handle, out var error);
            Check("memory_usage", error);
            return (long)bytes;
        }
    }

    public long SerializedLength
    {
        get
        {
            using var scope = EnterShared();
            var bytes = UsearchNative.SerializedLength(_handle, out var error);
            Check("serialized_length", error);
            return (long)bytes;
        }
    }

    /// <summary>Grows room for <paramref name="capacity"/> vectors in total; waits for every call in flight.</summary>
    public void Reserve(long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ThrowIfReadOnly("reserve");
        using var scope = EnterExclusive();
        UsearchNative.Reserve(_handle, (nuint)capacity, out var error);
        Check("reserve", error);
        // usearch_reserve resets the thread slots to the hardware concurrency: put ours back.
        ApplyThreads();
    }

    /// <summary>Changes how many callers may be inside the index at once.</summary>
    public void ChangeThreads(int threads)
    {
        var settings = Settings with { Threads = threads };
        settings.Validate();
        using var scope = EnterExclusive();
        Settings = settings;
        ApplyThreads();
        _slots = new SemaphoreSlim(threads, threads);
    }

    public void ChangeExpansionSearch(int expansion)
    {
        var settings = Settings with { ExpansionSearch = expansion };
        settings.Validate();
        using var scope = EnterExclusive();
        UsearchNative.ChangeExpansionSearch(_handle, (nuint)expansion, out var error);
        Check("change_expansion_search", error);
        Settings = settings;
    }

    public void ChangeExpansionAdd(int expansion)
    {
        var settings = Settings with { ExpansionAdd = expansion };
        settings.Validate();
        using var scope = EnterExclusive();
        UsearchNative.ChangeExpansionAdd(_handle, (nuint)expansion, out var error);
        Check("change_expansion_add", error);
        Settings = settings;
    }

    /// <summary>Adds a vector; the key must be new and the capacity reserved beforehand.</summary>
    public void Add(ulong key, ReadOnlySpan<float> vector)
    {
        CheckLength(vector.Length);
        ThrowIfReadOnly("add");
        using var scope = EnterSlot();
        fixed (float* data = vector)
        {
            UsearchNative.Add(_handle, key, data, UsearchNative.ScalarKind.F32, out var error);
            Check("add", error);
        }
    }

    public bool Contains(ulong key)
    {
        using var scope = EnterShared();
        var contains = UsearchNative.Contains(_handle, key, out var error);
        Check("contains", error);
        return contains != 0;
    }

    /// <summary>How many vectors the key holds (0 or 1: the graph is created without multi-keys).</summary>
    public int Count(ulong key)
    {
        using var scope = EnterShared();
        var count = UsearchNative.Count(_handle, key, out var error);
        Check("count", error);
        return (int)count;
    }

    /// <summary>
    /// The <paramref name="keys"/>.Length nearest keys, nearest first. USearch walks with a candidate list of
    /// max(expansion, count), so asking for more results is how one query gets a wider walk.
    /// </summary>
    public int Search(ReadOnlySpan<float> query, Span<ulong> keys, Span<float> distances)
    {
        CheckSearch(query, keys, distances);
        using var scope = EnterSlot();
        fixed (float* q = query)
        fixed (ulong* k = keys)
        fixed (float* d = distances)
        {
            var found = UsearchNative.Search(
                _handle, q, UsearchNative.ScalarKind.F32, (nuint)keys.Length, k, d, out var error);
            Check("search", error);
            return (int)found;
        }
    }

    /// <summary>Nearest keys that the filter accepts; the filter runs on every node the walk reaches.</summary>
    public int FilteredSearch(ReadOnlySpan<float> query, Span<ulong> keys, Span<float> distances, IKeyFilter filter)
    {
        CheckSearch(query, keys, distances);
        using var callback = new FilterCallback(filter);
        int found;
        using (EnterSlot())
        {
            fixed (float* q = query)
            fixed (ulong* k = keys)
            fixed (float* d = distances)
            {
                found = (int)UsearchNative.FilteredSearch(
                    _handle, q, UsearchNative.ScalarKind.F32, (nuint)keys.Length,
                    FilterCallback.EntryPoint, callback.State, k, d, out var error);
                Check("filtered_search", error);
            }
        }
        callback.ThrowIfFailed();
        return found;
    }

    /// <summary>Copies the stored vector (decoded to f32) of a key; false when the key is absent.</summary>
    public bool TryGet(ulong key, Span<float> vector)
    {
        CheckLength(vector.Length);
        using var scope = EnterShared();
        fixed (float* data = vector)
        {
            var found = UsearchNative.Get(_handle, key, 1, data, UsearchNative.ScalarKind.F32, out var error);
            Check("get", error);
            return found > 0;
        }
    }

    /// <summary>
    /// Opens a reader of stored vectors that holds the shared lock and a reference on the native handle until
    /// disposed, so a scan over thousands of rows pays for them once instead of per row.
    /// </summary>
    public VectorReader OpenReader() => new(this);

    /// <summary>Reads stored vectors (decoded to f32) while open; see <see cref="OpenReader"/>.</summary>
    public ref struct VectorReader : IDisposable
    {
        private readonly HnswIndex _owner;
        private readonly nint _index;
        private bool _open;

        internal VectorReader(HnswIndex owner)
        {
            owner.AcquireShared();
            var added = false;
            try
            {
                owner._handle.DangerousAddRef(ref added);
            }
            finally
            {
                if (!added)
                    owner._structure.ExitReadLock();
            }
            _owner = owner;
            _index = owner._handle.DangerousGetHandle();
            _open = true;
        }

        public readonly bool TryGet(ulong key, Span<float> vector)
        {
            ObjectDisposedException.ThrowIf(!_open, typeof(VectorReader));
            _owner.CheckLength(vector.Length);
            fixed (float* data = vector)
            {
                var found = UsearchNative.Get(_index, key, 1, data, UsearchNative.ScalarKind.F32, out var error);
                Check("get", error);
                return found > 0;
            }
        }

        public void Dispose()
        {
            if (!_open)
                return;
            _open = false;
            _owner._handle.DangerousRelease();
            _owner._structure.ExitReadLock();
        }
    }

    /// <summary>Removes a key; its node stays in the graph as a tombstone so walks still pass through it.</summary>
    public bool Remove(ulong key)
    {
        ThrowIfReadOnly("remove");
        using var scope = EnterShared();
        var removed = UsearchNative.Remove(_handle, key, out var error);
        Check("remove", error);
        return removed > 0;
    }

    /// <summary>Writes the graph to a file; callers must not add or remove meanwhile.</summary>
    public void Save(string path)
    {
        using var scope = EnterShared();
        UsearchNative.Save(_handle, path, out var error);
        Check("save", error);
    }

    public void Dispose()
    {
        using var scope = EnterExclusive(throwIfDisposed: false);
        _handle.Dispose();
    }

    private static HnswIndex Open(string path, HnswSettings settings, bool view)
    {
        settings.Validate();
        if (!File.Exists(path))
            throw new FileNotFoundException("no saved index at " + path, path);
        var stored = default(UsearchNative.InitOptions);
        UsearchNative.Metadata(path, ref stored, out var metadataError);
        Check("metadata", metadataError);
        if ((int)stored.Dimensions != settings.Dimensions)
            throw new NativeIndexException(view ? "view" : "load",
                $"{path} holds {stored.Dimensions}-dimensional vectors, not {settings.Dimensions}");
        var index = Create(settings with { Precision = PrecisionOf(stored.Quantization) });
        try
        {
            using (index.EnterExclusive())
            {
                nint error;
                if (view)
                    UsearchNative.View(index._handle, path, out error);
                else
                    UsearchNative.Load(index._handle, path, out error);
                Check(view ? "view" : "load", error);
                index.IsReadOnly = view;
                index.ApplyThreads();
            }
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    private static VectorPrecision PrecisionOf(UsearchNative.ScalarKind kind) => kind switch
    {
        UsearchNative.ScalarKind.F32 => VectorPrecision.F32,
        UsearchNative.ScalarKind.F16 => VectorPrecision.F16,
        _ => throw new NativeIndexException("metadata", $"unsupported stored scalar kind {(uint)kind}"),
    };

    private static UsearchNative.InitOptions OptionsOf(HnswSettings settings) => new()
    {
        Metric = UsearchNative.MetricKind.Cosine,
        Quantization = settings.Precision == VectorPrecision.F16
            ? UsearchNative.ScalarKind.F16
            : UsearchNative.ScalarKind.F32,
        Dimensions = (nuint)settings.Dimensions,
        Connectivity = (nuint)settings.Connectivity,
        ExpansionAdd = (nuint)settings.ExpansionAdd,
        ExpansionSearch = (nuint)settings.ExpansionSearch,
    };

    /// <remarks>Call with the exclusive lock held.</remarks>
    private void ApplyThreads()
    {
        UsearchNative.ChangeThreadsAdd(_handle, (nuint)Settings.Threads, out var error);
        Check("change_threads_add", error);
        UsearchNative.ChangeThreadsSearch(_handle, (nuint)Settings.Threads, out error);
        Check("change_threads_search", error);
    }

    private void CheckSearch(ReadOnlySpan<float> query, Span<ulong> keys, Span<float> distances)
    {
        CheckLength(query.Length);
        if (keys.Length == 0 || distances.Length < keys.Length)
            throw new ArgumentException("the key buffer must be non-empty and no longer than the distance buffer");
    }

    private void CheckLength(int length)
    {
        if (length != Settings.Dimensions)
            throw new ArgumentException($"vector has {length} dimensions; the index holds {Settings.Dimensions}");
    }

    private void ThrowIfReadOnly(string operation)
    {
        if (IsReadOnly)
            throw new InvalidOperationException($"cannot {operation}: the index is a read-only view of a file");
    }

    private Scope EnterSlot()
    {
        AcquireShared();
        var slots = _slots;
        slots.Wait();
        return new Scope(_structure, exclusive: false, slots);
    }

    private Scope EnterShared()
    {
        AcquireShared();
        return new Scope(_structure, exclusive: false, null);
    }

    private void AcquireShared()
    {
        _structure.EnterReadLock();
        if (!_handle.IsClosed)
            return;
        _structure.ExitReadLock();
        throw new ObjectDisposedException(nameof(HnswIndex));
    }

    private Scope EnterExclusive(bool throwIfDisposed = true)
    {
        _structure.EnterWriteLock();
        if (throwIfDisposed && _handle.IsClosed)
        {
            _structure.ExitWriteLock();
            throw new ObjectDisposedException(nameof(HnswIndex));
        }
        return new Scope(_structure, exclusive: true, null);
    }

    private static void Check(string operation, nint error)
    {
        if (error != nint.Zero)
            throw new NativeIndexException(operation, MessageOf(error));
    }

    private static string MessageOf(nint error) => Marshal.PtrToStringUTF8(error) ?? "unknown error";

    private readonly struct Scope(ReaderWriterLockSlim structure, bool exclusive, SemaphoreSlim? slots) : IDisposable
    {
        public void Dispose()
        {
            slots?.Release();
            if (exclusive)
                structure.ExitWriteLock();
            else
                structure.ExitReadLock();
        }
    }
}
