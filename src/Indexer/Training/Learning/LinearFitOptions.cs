namespace Pursearch.Indexer.Training.Learning;

/// <summary>Settings of one L-BFGS fit: L2 weight (on standardised features), solver threads, iteration cap and tolerance.</summary>
public sealed record LinearFitOptions
{
    public float L2 { get; init; } = 1f;
    public int Threads { get; init; } = 1;
    public int MaxIterations { get; init; } = 300;
    public float Tolerance { get; init; } = 1e-6f;

    public void Validate()
    {
        if (!(L2 >= 0) || float.IsInfinity(L2))
            throw new ArgumentOutOfRangeException(nameof(L2), L2, "must be 0 or more");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations);
        if (!(Tolerance > 0))
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "must be positive");
    }
}
