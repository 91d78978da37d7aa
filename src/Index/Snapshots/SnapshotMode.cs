namespace Pursearch.Index.Snapshots;

/// <summary>How to open a snapshot: read it into memory (modifiable) or memory-map it (read-only, instant).</summary>
public enum SnapshotMode
{
    Load,
    View,
}
