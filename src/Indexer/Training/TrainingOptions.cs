using Pursearch.Indexer.Training.Crop;
using Pursearch.Indexer.Training.Identification;

namespace Pursearch.Indexer.Training;

/// <summary>How both heads are trained: the share of training photos kept aside to tune on, and each head's settings.</summary>
public sealed record TrainingOptions
{
    public double ValidationFraction { get; init; } = 0.2;
    /// <summary>Share of photos without a bag kept aside: enough of them to measure the false-positive rate the box rule
    /// is tuned against (at 0.2, Forge's 150 training negatives left 25, and a rule at 4 % on them found boxes in 13 % of
    /// the held-out negatives).</summary>
    public double NegativeValidationFraction { get; init; } = 0.5;
    public CropTrainingOptions Crop { get; init; } = new();
    public IdentificationTrainingOptions Identification { get; init; } = new();
}
