using Pursearch.Forge.Randomness;
using Pursearch.Forge.Rendering.Bags;
using Pursearch.Forge.World;
using SkiaSharp;

namespace Pursearch.Forge.Rendering.Scenes;

/// <summary>
/// Decides a street photo from (world, split, index) alone: scene, classes (balanced round-robin), colour,
/// carry, size as a box-area fraction of 3-40 % of the frame, rotation within ±20°, a second smaller bag of
/// another class in 10 % of photos, occlusion, light and JPEG quality.
/// </summary>
public static class StreetPlanner
{
    public const double MinAreaFraction = 0.03;
    public const double MaxAreaFraction = 0.40;
    public const double SecondBagRate = 0.10;
    public const float MaxRotation = 20f;
    public const double OcclusionRate = 0.3;
    public const double ProductDepictionRate = 0.6;

    public static StreetPlan Plan(ForgeWorld world, Split split, int index, bool negative,
        int width = StreetPlan.DefaultWidth, int height = StreetPlan.DefaultHeight)
    {
        var splitName = StreetPlan.SplitName(split);
        var kind = negative ? "negative" : "street";
        var rng = ItemSeed.Rng(world.Seed, $"{splitName}/{kind}", index);
        var scene = (SceneKind)rng.Next(Enum.GetValues<SceneKind>().Length);
        var sceneSeed = rng.Next();
        var finish = DrawFinish(rng);
        var id = negative ? $"{splitName}-neg-{index:D5}" : $"{splitName}-{index:D5}";
        if (negative)
            return new StreetPlan(id, split, index, true, width, height, scene, sceneSeed, [], finish, false);
        var frame = new SKSize(width, height);
        var style = world.Styles[index % world.Styles.Count];
        // Uniform in linear size (as distance to the camera varies), drawn a little inside the bounds because
        // rounding the box out to whole pixels only ever grows it.
        var side = rng.Range(Math.Sqrt(MinAreaFraction * 1.05), Math.Sqrt(MaxAreaFraction * 0.96));
        var area = (double)side * side;
        var primary = PlanBag(rng, world, style, area, frame, primary: true, avoid: null);
        var bags = new List<PlannedBag> { primary };
        if (rng.Chance(SecondBagRate))
        {
            var others = world.Styles.Where(s => s != style).ToList();
            var secondArea = Math.Max(0.012, AreaFraction(primary.Placement.Box, frame) * rng.Range(0.3, 0.7));
            bags.Add(PlanBag(rng, world, rng.Pick(others), secondArea, frame, primary: false, avoid: primary.Placement.Box));
        }
        var occluded = primary.Carry != Carry.Hand && rng.Chance(OcclusionRate);
        return new StreetPlan(id, split, index, false, width, height, scene, sceneSeed, bags, finish, occluded);
    }

    public static double AreaFraction(SKRectI box, SKSize frame) => (double)box.Width * box.Height / (frame.Width * frame.Height);

    private static PlannedBag PlanBag(Random rng, ForgeWorld world, HandbagStyle style, double area, SKSize frame,
        bool primary, SKRectI? avoid)
    {
        var products = world.BrandedProductsOf(style);
        var product = products.Count > 0 && rng.Chance(ProductDepictionRate) ? rng.Pick(products) : null;
        var colour = product?.Colour ?? rng.Pick(world.Colourways);
        var variation = product is null ? BagVariation.Draw(rng) : ProductShotRenderer.LookOf(world, product).Variation;
        var carry = DrawCarry(rng, style);
        var look = new BagLook(style, colour, false, DrawPose(rng, style, carry), variation);
        var rotation = rng.Signed(MaxRotation);
        using var outline = BagPainter.Outline(look);
        var size = BagPlacement.RotatedSize(outline, rotation);
        var scale = (float)Math.Sqrt(area * frame.Width * frame.Height / (size.Width * size.Height));
        // Whole-pixel rounding of the box can add up to 2 px per side; keep inside the frame with a margin.
        scale = Math.Min(scale, Math.Min((frame.Width - 8) / size.Width, (frame.Height - 8) / size.Height));
        var half = new SKSize(size.Width * scale / 2, size.Height * scale / 2);
        var centre = DrawCentre(rng, frame, half, avoid);
        var placement = BagPlacement.Fit(outline, rotation, scale, centre);
        return new PlannedBag(look, product, carry, rotation, scale, placement, primary);
    }

    private static SKPoint DrawCentre(Random rng, SKSize frame, SKSize half, SKRectI? avoid)
    {
        SKPoint Draw() => new(rng.Range(half.Width + 3, frame.Width - half.Width - 3),
            rng.Range(half.Height + 3, frame.Height - half.Height - 3));
        if (avoid is not { } other)
            return Draw();
        var best = Draw();
        var bestOverlap = float.MaxValue;
        for (var attempt = 0; attempt < 16 && bestOverlap > 0; attempt++)
        {
            var c = attempt == 0 ? best : Draw();
            var r = new SKRect(c.X - half.Width, c.Y - half.Height, c.X + half.Width, c.Y + half.Height);
            var overlap = SKRect.Intersect(r, other) is { IsEmpty: false } i ? i.Width * i.Height : 0;
            if (overlap < bestOverlap)
                (best, bestOverlap) = (c, overlap);
        }
        return best;
    }

    private static Carry DrawCarry(Random rng, HandbagStyle style)
    {
        var canShoulder = style.Silhouette != Silhouette.Backpack &&
                          (style.HasShoulderStrap || style.Silhouette is Silhouette.Tote or Silhouette.Hobo);
        var canHand = style.HasCarryStrap || style.Silhouette == Silhouette.Pouch;
        double[] weights = [0.4, canShoulder ? 0.35 : 0, canHand ? 0.25 : 0];
        return (Carry)rng.Weighted(weights);
    }

    private static StrapPose DrawPose(Random rng, HandbagStyle style, Carry carry) => carry switch
    {
        Carry.Shoulder => new StrapPose(StrapPoseKind.Shoulder, rng.Range(0.4, 0.8), rng.Signed(0.2)),
        Carry.Hand => new StrapPose(StrapPoseKind.Raised, rng.Range(0.35, 0.65), rng.Signed(0.08)),
        _ when style.HasShoulderStrap => new StrapPose(rng.Chance(0.5) ? StrapPoseKind.Draped : StrapPoseKind.Tucked,
            0.2f, rng.Chance(0.5) ? 1 : -1),
        _ => new StrapPose(StrapPoseKind.Raised, rng.Range(0.2, 0.5), 0),
    };

    private static PhotoFinish DrawFinish(Random rng) => new(
        Exposure: rng.Range(0.8, 1.15),
        Contrast: rng.Range(0.82, 1.18),
        Saturation: rng.Range(0.65, 1.2),
        Warmth: rng.Signed(0.09),
        Blur: rng.Chance(0.4) ? rng.Range(0.4, 1.6) : 0,
        Vignette: rng.Chance(0.5) ? rng.Range(0.15, 0.45) : 0,
        Grain: rng.Range(0.05, 0.25),
        LightAngle: rng.Range(0, 360),
        JpegQuality: rng.Next(60, 96));
}
