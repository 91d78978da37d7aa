using Pursearch.Indexer.Training.Crop;
using Pursearch.Indexer.Training.Identification;

namespace Pursearch.Indexer.Training;

/// <summary>How both heads are trained: the share of training photos kept aside to tune on, and each head's settings.</summary>
public sealed record TrainingOptions
{
    public double ValidationFraction { get; init; } = 0.2;
    public CropTrainingOptions Crop { get; init; } = new();
    public IdentificationTrainingOptions Identification { get; init; } = new();
}
