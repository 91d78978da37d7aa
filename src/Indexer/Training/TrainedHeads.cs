using Pursearch.Vision.Heads;

namespace Pursearch.Indexer.Training;

/// <summary>What a training run made: the heads, the metrics they scored on the validation photos, and how they were made.</summary>
public sealed record TrainedHeads(HeadSet Heads, IReadOnlyDictionary<string, double> Metrics, TrainingManifest Manifest);
