namespace Pursearch.Forge.Randomness;

/// <summary>Draws the renderer and samplers need, on top of <see cref="Random"/>.</summary>
public static class RandomExtensions
{
    public static float Range(this Random rng, double min, double max) => (float)(min + rng.NextDouble() * (max - min));

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static float Signed(this Random rng, double magnitude) => rng.Range(-magnitude, magnitude);

    /// <summary>Log-uniform draw: as many small values as large ones per octave.</summary>
    public static double LogUniform(this Random rng, double min, double max) =>
        Math.Exp(Math.Log(min) + rng.NextDouble() * (Math.Log(max) - Math.Log(min)));

    /// <summary>Index drawn with the given non-negative weights.</summary>
    public static int Weighted(this Random rng, IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var x = rng.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
                return i;
        }
        return weights.Count - 1;
    }

    /// <summary>k distinct items in random order.</summary>
    public static List<T> Sample<T>(this Random rng, IReadOnlyList<T> items, int k)
    {
        var copy = items.ToList();
        for (var i = 0; i < Math.Min(k, copy.Count); i++)
        {
            var j = rng.Next(i, copy.Count);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy.Take(k).ToList();
    }
}
