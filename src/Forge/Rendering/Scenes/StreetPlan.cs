using Pursearch.Forge.Rendering.Bags;
using Pursearch.Forge.World;

namespace Pursearch.Forge.Rendering.Scenes;

/// <summary>The kind of place a street photo shows.</summary>
public enum SceneKind
{
    Street,
    Cafe,
    Park,
    Interior,
}

/// <summary>How a bag in a photo is held up: set down on something, on a shoulder, or in a hand.</summary>
public enum Carry
{
    Surface,
    Shoulder,
    Hand,
}

/// <summary>Which labelled split a photo belongs to; held-out photos are never used for training.</summary>
public enum Split
{
    Train,
    HeldOut,
}

/// <summary>One bag in a street photo: what it looks like, the product it depicts (if any), how it is carried and where it lands.</summary>
public sealed record PlannedBag(BagLook Look, ForgeProduct? Product, Carry Carry, float Rotation, float Scale,
    BagPlacement Placement, bool Primary)
{
    public HandbagStyle Style => Look.Style;
}

/// <summary>Camera and light of a photo: exposure, contrast, saturation, white balance, blur, vignette, grain and JPEG quality.</summary>
public sealed record PhotoFinish(float Exposure, float Contrast, float Saturation, float Warmth, float Blur,
    float Vignette, float Grain, float LightAngle, int JpegQuality);

/// <summary>Everything decided about one street photo before a pixel is drawn; the sidecar is written from it.</summary>
public sealed record StreetPlan(
    string Id, Split Split, int Index, bool Negative, int Width, int Height, SceneKind Scene, int SceneSeed,
    IReadOnlyList<PlannedBag> Bags, PhotoFinish Finish, bool Occluded)
{
    public const int DefaultWidth = 640;
    public const int DefaultHeight = 480;

    public static string SplitName(Split split) => split == Split.Train ? "train" : "heldout";
}
