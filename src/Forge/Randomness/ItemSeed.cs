namespace Pursearch.Forge.Randomness;

/// <summary>
/// Derives an independent RNG seed for one item from (world seed, stream, index) with a SplitMix64-style mix,
/// because <see cref="Random"/> seeded with consecutive integers gives correlated first draws.
/// </summary>
public static class ItemSeed
{
    public static int Of(int seed, string stream, long index)
    {
        var h = Mix((ulong)(uint)seed ^ 0x9E3779B97F4A7C15UL);
        foreach (var c in stream)
            h = Mix(h ^ c);
        h = Mix(h ^ (ulong)index);
        return (int)(h & 0x7FFF_FFFF);
    }

    public static Random Rng(int seed, string stream, long index) => new(Of(seed, stream, index));

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
