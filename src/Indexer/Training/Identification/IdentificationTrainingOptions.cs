using Pursearch.Indexer.Training.Learning;

namespace Pursearch.Indexer.Training.Identification;

/// <summary>How the identification head is trained: which crops each photo gives, whether catalog product shots join
/// in, and the L2 weights tried on the validation photos.</summary>
public sealed record IdentificationTrainingOptions
{
    /// <summary>Jittered crops of each primary bag, besides the exact box.</summary>
    public int JitteredCropsPerBag { get; init; } = 2;
    public BoxJitter Jitter { get; init; } = new();
    /// <summary>Random background crops of each photo without a bag, besides the whole photo.</summary>
    public int RegionsPerNegative { get; init; } = 3;
    /// <summary>Also learn from the catalog's studio shots (whole image, their true class).</summary>
    public bool UseProductShots { get; init; }
    public IReadOnlyList<float> L2Candidates { get; init; } = [0.01f, 0.03f, 0.1f, 0.3f, 1f];
    public LinearFitOptions Fit { get; init; } = new();
}
