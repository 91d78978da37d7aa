namespace Pursearch.Vision.Heads;

/// <summary>One handbag class and its probability, as the search answer lists it.</summary>
public sealed record ClassProbability(string Slug, string Brand, string Style, double Probability);
