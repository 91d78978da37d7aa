using Pursearch.Forge.World;
using SkiaSharp;

namespace Pursearch.Forge.Rendering.Bags;

/// <summary>Everything that decides how one bag is drawn: its class, colour, whether it is a dupe, strap pose and small variations.</summary>
public sealed record BagLook(HandbagStyle Style, Colourway Colour, bool Dupe, StrapPose Pose, BagVariation Variation)
{
    public Metal Metal => Dupe ? Metal.Brass : Style.Brand.Metal;

    public SKColor Leather => Colour.Base;
}

/// <summary>How the shoulder strap (or handles) hang.</summary>
public enum StrapPoseKind
{
    /// <summary>Held up in an arch above the bag, as in product shots or a bag held by its handles.</summary>
    Raised,
    /// <summary>Pulled taut to one point above the bag: the shoulder of whoever carries it.</summary>
    Shoulder,
    /// <summary>Fallen to one side of a bag set down, lying beside it.</summary>
    Draped,
    /// <summary>Tucked away behind the bag; handles still show.</summary>
    Tucked,
}

/// <summary>Strap pose with its parameters: <paramref name="Lift"/> in body heights above the top edge, <paramref name="Swing"/> in body widths sideways (its sign picks the side for a draped strap).</summary>
public sealed record StrapPose(StrapPoseKind Kind, float Lift, float Swing)
{
    public static StrapPose ProductShot(float lift) => new(StrapPoseKind.Raised, lift, 0);
}

/// <summary>Per-item variation inside a class: proportions, slouch and where the print's repeat starts.</summary>
public sealed record BagVariation(float Aspect, float Slouch, float PhaseX, float PhaseY, int TextureSeed)
{
    public static BagVariation Draw(Random rng) =>
        new(1 + (float)(rng.NextDouble() - 0.5) * 0.1f, (float)rng.NextDouble(),
            (float)rng.NextDouble(), (float)rng.NextDouble(), rng.Next());
}
