namespace Pursearch.Forge;

/// <summary>What ForgeGenerator writes: the seed and how many of each kind of image.</summary>
public sealed record ForgeOptions
{
    public const int DefaultProducts = 1200;

    public int Seed { get; init; } = 7;
    public int Products { get; init; } = DefaultProducts;
    /// <summary>Held-out street photos: never used for training.</summary>
    public int Street { get; init; } = 600;
    public int TrainStreet { get; init; } = 2400;
    /// <summary>Scenes without a handbag, split evenly between train and held-out (all to whichever split is non-empty).</summary>
    public int Negatives { get; init; } = 300;
    /// <summary>Parallel render threads; defaults to the processor count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Only the held-out street photos and negatives of a seed, e.g. for <c>eval --seed N</c>.</summary>
    public static ForgeOptions HeldOutOnly(int seed, int street = 600, int negatives = 150) =>
        new() { Seed = seed, Products = 0, Street = street, TrainStreet = 0, Negatives = negatives };

    public (int Train, int HeldOut) NegativeSplit =>
        (TrainStreet, Street) switch
        {
            (0, _) => (0, Negatives),
            (_, 0) => (Negatives, 0),
            _ => (Negatives - Negatives / 2, Negatives / 2),
        };

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first count that is out of range.</summary>
    public void Validate()
    {
        Check(Products, nameof(Products), 10_000_000);
        Check(Street, nameof(Street), 10_000_000);
        Check(TrainStreet, nameof(TrainStreet), 10_000_000);
        Check(Negatives, nameof(Negatives), 10_000_000);
        if (Parallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "parallelism must be at least 1");
    }

    private static void Check(int value, string name, int max)
    {
        if (value < 0 || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and {max}");
    }
}
