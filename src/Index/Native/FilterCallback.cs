using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pursearch.Index.Native;

/// <summary>
/// The native predicate of <c>usearch_filtered_search</c>: a static unmanaged entry point that reaches the
/// managed <see cref="IKeyFilter"/> through a GC handle passed as the filter state. Exceptions must not cross
/// into native code, so the first one is kept and rethrown once the search returns.
/// </summary>
internal sealed unsafe class FilterCallback : IDisposable
{
    private readonly IKeyFilter _filter;
    private GCHandle _handle;
    private Exception? _failure;

    public FilterCallback(IKeyFilter filter)
    {
        _filter = filter;
        _handle = GCHandle.Alloc(this);
    }

    public static delegate* unmanaged<ulong, nint, int> EntryPoint => &Accept;

    public nint State => GCHandle.ToIntPtr(_handle);

    public void ThrowIfFailed()
    {
        if (_failure is not null)
            throw new InvalidOperationException("the search filter failed: " + _failure.Message, _failure);
    }

    public void Dispose()
    {
        if (_handle.IsAllocated)
            _handle.Free();
    }

    [UnmanagedCallersOnly]
    private static int Accept(ulong key, nint state)
    {
        var callback = Unsafe.As<FilterCallback>(GCHandle.FromIntPtr(state).Target!);
        if (callback._failure is not null)
            return 0;
        try
        {
            return callback._filter.Accepts(key) ? 1 : 0;
        }
        catch (Exception e)
        {
            callback._failure = e;
            return 0;
        }
    }
}
