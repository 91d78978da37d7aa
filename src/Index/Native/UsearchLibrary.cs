using System.Runtime.InteropServices;

namespace Pursearch.Index.Native;

/// <summary>Facts about the loaded native USearch library.</summary>
public static class UsearchLibrary
{
    /// <summary>The version libusearch_c reports, e.g. "2.26.6".</summary>
    public static string Version => Marshal.PtrToStringUTF8(UsearchNative.Version()) ?? "unknown";
}
