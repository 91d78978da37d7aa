namespace Pursearch.Indexer.Training.Crop;

/// <summary>What a feature-map cell teaches the crop head: bag, background, or nothing (a cell only partly on a bag).</summary>
public enum CellLabel
{
    Background,
    Bag,
    Ignored,
}
