namespace Pursearch.Index;

/// <summary>A change was sent to a shard opened as a read-only view of a snapshot.</summary>
public sealed class ShardReadOnlyException(string operation)
    : InvalidOperationException($"cannot {operation}: the shard is a read-only view of a snapshot");
