namespace Pursearch.Forge.World;

/// <summary>One class of the world: a brand's signature style, fixed by silhouette, signature and hardware.</summary>
public sealed record HandbagStyle(
    Brand Brand, string Slug, string Name, Silhouette Silhouette, Signature Signature, Hardware Hardware)
{
    /// <summary>The class label used everywhere: <c>brand-slug/style-slug</c>.</summary>
    public string ClassSlug => $"{Brand.Slug}/{Slug}";

    /// <summary>True when the style carries a strap or handle that can be worn or held (a pouch is carried bare).</summary>
    public bool HasCarryStrap =>
        (Hardware & (Hardware.ChainStrap | Hardware.LeatherStrap | Hardware.TopHandles | Hardware.SingleHandle |
                     Hardware.KnotHandle)) != 0;

    public bool HasShoulderStrap => (Hardware & (Hardware.ChainStrap | Hardware.LeatherStrap)) != 0;
}
