namespace Pursearch.Forge.World;

/// <summary>Plain descriptive names retailers give to unbranded lookalikes ("Quilted Chain Shoulder Bag").</summary>
public static class DupeNames
{
    public static string Category(Silhouette silhouette) => silhouette switch
    {
        Silhouette.Tote => "Tote Bag",
        Silhouette.Satchel => "Structured Satchel",
        Silhouette.DomeSatchel => "Dome Bag",
        Silhouette.FlapShoulder => "Flap Shoulder Bag",
        Silhouette.Bucket => "Bucket Bag",
        Silhouette.Pouch => "Pouch Clutch",
        Silhouette.Hobo => "Hobo Bag",
        Silhouette.Baguette => "Baguette Bag",
        Silhouette.Backpack => "Backpack",
        Silhouette.Crossbody => "Crossbody Bag",
        _ => throw new ArgumentOutOfRangeException(nameof(silhouette)),
    };

    public static string Of(HandbagStyle style)
    {
        var surface = style.Signature switch
        {
            Signature.Quilting => "Quilted",
            Signature.Monogram => "Logo-Print",
            Signature.Woven => "Woven",
            Signature.Croc => "Croc-Effect",
            Signature.Pebbled => "Grained",
            Signature.Stripes => "Striped",
            Signature.Check => "Check",
            _ => "Faux Leather",
        };
        var detail = style.Hardware.HasFlag(Hardware.ChainStrap) ? " Chain"
            : style.Hardware.HasFlag(Hardware.Padlock) ? " Lock"
            : style.Hardware.HasFlag(Hardware.Buckles) ? " Buckle"
            : style.Hardware.HasFlag(Hardware.Drawstring) ? " Drawstring"
            : style.Hardware.HasFlag(Hardware.KnotHandle) ? " Knot"
            : "";
        return $"{surface}{detail} {Category(style.Silhouette)}";
    }
}
