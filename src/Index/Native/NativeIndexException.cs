namespace Pursearch.Index.Native;

/// <summary>An error reported by the native USearch library, with its message.</summary>
public sealed class NativeIndexException(string operation, string message)
    : Exception($"usearch {operation}: {message}")
{
    public string Operation { get; } = operation;
}
