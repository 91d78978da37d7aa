namespace Pursearch.Vision.Heads;

/// <summary>How a feature-map cell's vector is scaled before the crop head scores it (training must use the same).</summary>
public enum CellNormalization
{
    None,
    L2,
}
