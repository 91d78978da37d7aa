namespace Pursearch.Forge.World;

/// <summary>Size variant of a product; scales the bag and its proportions slightly.</summary>
public enum BagSize
{
    Mini,
    Small,
    Medium,
    Large,
}
