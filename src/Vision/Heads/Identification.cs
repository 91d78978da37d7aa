namespace Pursearch.Vision.Heads;

/// <summary>What the identification head says: the most likely handbag classes (probabilities over all classes,
/// "not a handbag" included) and whether "not a handbag" won.</summary>
public sealed record Identification(bool NotHandbag, double NotHandbagProbability, IReadOnlyList<ClassProbability> Top);
