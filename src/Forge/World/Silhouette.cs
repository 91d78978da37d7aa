namespace Pursearch.Forge.World;

/// <summary>The outline family of a handbag: what a person names first ("a tote", "a bucket bag").</summary>
public enum Silhouette
{
    Tote,
    Satchel,
    DomeSatchel,
    FlapShoulder,
    Bucket,
    Pouch,
    Hobo,
    Baguette,
    Backpack,
    Crossbody,
}
