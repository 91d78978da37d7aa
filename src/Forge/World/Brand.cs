namespace Pursearch.Forge.World;

/// <summary>A fictional fashion house: name, slug and the metal its hardware is plated in.</summary>
public sealed record Brand(string Slug, string Name, Metal Metal);

/// <summary>Plating of hardware; dupes use the cheaper look.</summary>
public enum Metal
{
    Gold,
    Silver,
    /// <summary>Flat, yellowish plating of unbranded lookalikes.</summary>
    Brass,
}
