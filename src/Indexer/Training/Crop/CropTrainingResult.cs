using Pursearch.Indexer.Training.Evaluation;
using Pursearch.Vision.Heads;

namespace Pursearch.Indexer.Training.Crop;

/// <summary>A trained crop head, what it scored on the validation photos, and the cells it learned from.</summary>
public sealed record CropTrainingResult(CropHead Head, CropQuality Validation, int BagCells, int BackgroundCells);
