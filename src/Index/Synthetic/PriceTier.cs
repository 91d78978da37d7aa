namespace Pursearch.Index.Synthetic;

/// <summary>Where a synthetic product sits in the market; dupes look like luxury designs at a fraction of the price.</summary>
public enum PriceTier
{
    Luxury,
    Mid,
    Dupe,
}
