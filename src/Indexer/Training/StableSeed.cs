namespace Pursearch.Indexer.Training;

/// <summary>A seed derived from text that is the same in every process (string.GetHashCode is randomised per process),
/// so splits, samples and jitter repeat from run to run.</summary>
public static class StableSeed
{
    /// <summary>FNV-1a over the UTF-16 code units, folded to a non-negative int.</summary>
    public static int Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (int)(hash & int.MaxValue);
    }
}
