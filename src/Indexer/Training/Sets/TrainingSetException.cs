namespace Pursearch.Indexer.Training.Sets;

/// <summary>A labelled set, catalog or model folder that cannot be used as asked; the message names the file and
/// what is wrong with it in one line.</summary>
public sealed class TrainingSetException(string message, Exception? inner = null) : Exception(message, inner);
