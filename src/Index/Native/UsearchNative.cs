using System.Runtime.InteropServices;

namespace Pursearch.Index.Native;

/// <summary>
/// P/Invoke declarations for the C API of <c>libusearch_c</c> (USearch 2.26, <c>c/usearch.h</c>) as shipped in
/// the Cloud.Unum.USearch package. Every function reports failure through its last argument, a
/// <c>char const*</c> that is null on success and points to a static message otherwise (never freed).
/// </summary>
internal static unsafe partial class UsearchNative
{
    private const string Library = "libusearch_c";

    [LibraryImport(Library, EntryPoint = "usearch_version")]
    internal static partial nint Version();

    [LibraryImport(Library, EntryPoint = "usearch_init")]
    internal static partial nint Init(ref InitOptions options, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_free")]
    internal static partial void Free(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_memory_usage")]
    internal static partial nuint MemoryUsage(NativeIndexHandle index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_serialized_length")]
    internal static partial nuint SerializedLength(NativeIndexHandle index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_save", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void Save(NativeIndexHandle index, string path, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_load", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void Load(NativeIndexHandle index, string path, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_view", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void View(NativeIndexHandle index, string path, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_metadata", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void Metadata(string path, ref InitOptions options, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_size")]
    internal static partial nuint Size(NativeIndexHandle index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_capacity")]
    internal static partial nuint Capacity(NativeIndexHandle index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_dimensions")]
    internal static partial nuint Dimensions(NativeIndexHandle index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_connectivity")]
    internal static partial nuint Connectivity(NativeIndexHandle index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_expansion_add")]
    internal static partial nuint ExpansionAdd(NativeIndexHandle index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_expansion_search")]
    internal static partial nuint ExpansionSearch(NativeIndexHandle index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_reserve")]
    internal static partial void Reserve(NativeIndexHandle index, nuint capacity, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_expansion_add")]
    internal static partial void ChangeExpansionAdd(NativeIndexHandle index, nuint expansion, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_expansion_search")]
    internal static partial void ChangeExpansionSearch(NativeIndexHandle index, nuint expansion, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_threads_add")]
    internal static partial void ChangeThreadsAdd(NativeIndexHandle index, nuint threads, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_threads_search")]
    internal static partial void ChangeThreadsSearch(NativeIndexHandle index, nuint threads, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_add")]
    internal static partial void Add(NativeIndexHandle index, ulong key, void* vector, ScalarKind kind, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_contains")]
    internal static partial byte Contains(NativeIndexHandle index, ulong key, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_count")]
    internal static partial nuint Count(NativeIndexHandle index, ulong key, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_search")]
    internal static partial nuint Search(
        NativeIndexHandle index, void* query, ScalarKind kind, nuint count,
        ulong* keys, float* distances, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_filtered_search")]
    internal static partial nuint FilteredSearch(
        NativeIndexHandle index, void* query, ScalarKind kind, nuint count,
        delegate* unmanaged<ulong, nint, int> filter, nint filterState,
        ulong* keys, float* distances, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_get")]
    internal static partial nuint Get(
        NativeIndexHandle index, ulong key, nuint count, void* vector, ScalarKind kind, out nint error);

    /// <summary><c>usearch_get</c> on a raw pointer, for scans that hold a reference on the handle themselves.</summary>
    [LibraryImport(Library, EntryPoint = "usearch_get")]
    internal static partial nuint Get(
        nint index, ulong key, nuint count, void* vector, ScalarKind kind, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_remove")]
    internal static partial nuint Remove(NativeIndexHandle index, ulong key, out nint error);

    /// <summary><c>usearch_metric_kind_t</c>.</summary>
    internal enum MetricKind : uint
    {
        Cosine = 1,
        InnerProduct = 2,
        L2Squared = 3,
    }

    /// <summary><c>usearch_scalar_kind_t</c> (the values of 2.26: f32 = 1, f16 = 3).</summary>
    internal enum ScalarKind : uint
    {
        F32 = 1,
        F16 = 3,
    }

    /// <summary><c>usearch_init_options_t</c>; <c>multi</c> is a C <c>bool</c>, one byte.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct InitOptions
    {
        public MetricKind Metric;
        public nint CustomMetric;
        public ScalarKind Quantization;
        public nuint Dimensions;
        public nuint Connectivity;
        public nuint ExpansionAdd;
        public nuint ExpansionSearch;
        public byte Multi;
    }
}
