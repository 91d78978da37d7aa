namespace Pursearch.Indexer.Training.Evaluation;

/// <summary>How many held-out photos of class <see cref="Truth"/> were identified as <see cref="Predicted"/>.</summary>
public sealed record ConfusionPair(string Truth, string Predicted, int Count);
