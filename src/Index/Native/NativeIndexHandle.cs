using System.Runtime.InteropServices;

namespace Pursearch.Index.Native;

/// <summary>Owns a <c>usearch_index_t</c>; the runtime's reference counting keeps it alive during calls.</summary>
internal sealed class NativeIndexHandle : SafeHandle
{
    public NativeIndexHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    internal static NativeIndexHandle Adopt(nint index)
    {
        var owned = new NativeIndexHandle();
        owned.SetHandle(index);
        return owned;
    }

    protected override bool ReleaseHandle()
    {
        UsearchNative.Free(handle, out var error);
        return error == nint.Zero;
    }
}
