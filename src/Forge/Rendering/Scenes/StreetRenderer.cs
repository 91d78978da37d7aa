using Pursearch.Forge.Randomness;
using Pursearch.Forge.Rendering.Bags;
using SkiaSharp;

namespace Pursearch.Forge.Rendering.Scenes;

/// <summary>
/// Renders a <see cref="StreetPlan"/>: backdrop, passers-by and objects, what each bag rests on or hangs from,
/// soft shadows, the bags, hands and occluders in front, then the camera finish. Deterministic per plan.
/// </summary>
public static class StreetRenderer
{
    public static byte[] RenderJpeg(StreetPlan plan)
    {
        using var bitmap = Render(plan);
        return JpegEncoder.Encode(bitmap, plan.Finish.JpegQuality);
    }

    public static SKBitmap Render(StreetPlan plan)
    {
        var rng = new Random(plan.SceneSeed);
        using var scene = Canvases.NewBitmap(plan.Width, plan.Height);
        using (var canvas = new SKCanvas(scene))
        {
            var horizon = BackdropPainter.Paint(canvas, plan.Scene, rng, plan.Width, plan.Height);
            PaintPassersBy(canvas, rng, plan, horizon);
            PaintObjects(canvas, rng, plan, horizon, rng.Next(1, plan.Negative ? 7 : 5));
            PaintBags(canvas, rng, plan);
        }
        return PhotoFinisher.Apply(scene, plan.Finish, rng);
    }

    /// <summary>One bag of the plan alone on a transparent layer, exactly as it is painted into the photo.</summary>
    public static SKBitmap RenderBagLayer(StreetPlan plan, int bagIndex)
    {
        var bitmap = Canvases.NewBitmap(plan.Width, plan.Height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        var bag = plan.Bags[bagIndex];
        bag.Placement.Paint(canvas, bag.Look);
        return bitmap;
    }

    private static void PaintBags(SKCanvas canvas, Random rng, StreetPlan plan)
    {
        var ordered = plan.Bags.OrderBy(b => b.Primary).ToList();
        var inFront = new List<Action>();
        foreach (var bag in ordered)
            PaintCarrier(canvas, rng, bag, plan, inFront);
        foreach (var bag in ordered)
        {
            using var outline = BagPainter.Outline(bag.Look);
            PaintShadows(canvas, bag, outline);
            bag.Placement.Paint(canvas, bag.Look);
        }
        foreach (var paint in inFront)
            paint();
        if (plan.Occluded)
            PaintOccluder(canvas, rng, plan.Bags.First(b => b.Primary).Placement.Box, plan);
    }

    private static void PaintCarrier(SKCanvas canvas, Random rng, PlannedBag bag, StreetPlan plan, List<Action> inFront)
    {
        var body = BagPainter.BodySize(bag.Look);
        var t = bag.Placement.Transform;
        var box = bag.Placement.Box;
        var torso = body.Width * bag.Scale * rng.Range(1.3, 1.7);
        var side = rng.Chance(0.5) ? 1 : -1;
        switch (bag.Carry)
        {
            case Carry.Surface:
                var baseY = Math.Max(t.MapPoint(0, body.Height).Y, t.MapPoint(body.Width, body.Height).Y);
                var wide = rng.Chance(0.5);
                SurfacePainter.Paint(canvas, rng, baseY - 2 * bag.Scale,
                    wide ? -10 : box.Left - rng.Range(30, 250), wide ? plan.Width + 10 : box.Right + rng.Range(30, 250), plan.Height);
                break;
            case Carry.Shoulder:
                var pose = bag.Look.Pose;
                var shoulder = t.MapPoint(body.Width / 2 + pose.Swing * body.Width, -pose.Lift * body.Height);
                var wearer = PersonPainter.Wearing(canvas, rng, shoulder, torso, side);
                if (rng.Chance(0.4))
                {
                    var hand = new SKPoint(shoulder.X - side * torso * 0.05f, shoulder.Y + torso * 1.25f);
                    inFront.Add(() => PersonPainter.Arm(canvas, shoulder, hand, torso, wearer.Sleeve, wearer.Skin));
                }
                break;
            case Carry.Hand:
                var grip = GripPoint(bag, body);
                var reach = torso * rng.Range(1.0, 1.3);
                var armShoulder = new SKPoint(grip.X + side * torso * 0.15f, grip.Y - reach);
                var top = new SKPoint(armShoulder.X + side * torso * 0.42f, armShoulder.Y - torso * 0.06f);
                var holder = PersonPainter.Paint(canvas, rng, top, torso, omitArm: -side);
                inFront.Add(() => PersonPainter.Arm(canvas, armShoulder, grip, torso, holder.Sleeve, holder.Skin));
                break;
        }
    }

    // Where a hand closes on the bag: the top of the handle or strap, or the side of a clutch.
    private static SKPoint GripPoint(PlannedBag bag, SKSize body)
    {
        var t = bag.Placement.Transform;
        if (!bag.Style.HasCarryStrap)
            return t.MapPoint(body.Width * 0.96f, body.Height * 0.45f);
        using var outline = BagPainter.Outline(bag.Look);
        return t.MapPoint(body.Width / 2 + bag.Look.Pose.Swing * body.Width, outline.TightBounds.Top + 5);
    }

    private static void PaintShadows(SKCanvas canvas, PlannedBag bag, SKPath outline)
    {
        var body = BagPainter.BodySize(bag.Look);
        var t = bag.Placement.Transform;
        if (bag.Carry == Carry.Surface)
        {
            ShadowPainter.Contact(canvas, t.MapPoint(0, body.Height), t.MapPoint(body.Width, body.Height), 16 * bag.Scale, 120);
            ShadowPainter.Cast(canvas, outline, t, new SKPoint(10 * bag.Scale, 6 * bag.Scale), 9 * bag.Scale, 60);
        }
        else
        {
            ShadowPainter.Cast(canvas, outline, t, new SKPoint(5 * bag.Scale, 7 * bag.Scale), 7 * bag.Scale, 55);
        }
    }

    private static void PaintPassersBy(SKCanvas canvas, Random rng, StreetPlan plan, float horizon)
    {
        var count = rng.Next(0, plan.Scene == SceneKind.Street || plan.Negative ? 4 : 3);
        for (var i = 0; i < count; i++)
        {
            var torso = rng.Range(30, 150);
            var feet = rng.Range(horizon + 10, plan.Height + torso * 2);
            var top = new SKPoint(rng.Range(-20, plan.Width + 20), feet - torso * 3.3f);
            PersonPainter.Paint(canvas, rng, top, torso);
        }
    }

    private static void PaintObjects(SKCanvas canvas, Random rng, StreetPlan plan, float horizon, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var foot = new SKPoint(rng.Range(0, plan.Width), rng.Range(horizon + 5, plan.Height + 10));
            var depth = (foot.Y - horizon) / (plan.Height - horizon + 1);
            ObjectPainter.Paint(canvas, rng, ObjectPainter.Draw(rng), foot, rng.Range(25, 70) * (0.6f + depth * 1.6f));
        }
    }

    private static void PaintOccluder(SKCanvas canvas, Random rng, SKRectI box, StreetPlan plan)
    {
        SceneObject[] kinds = [SceneObject.Cup, SceneObject.Bottle, SceneObject.Plant, SceneObject.Books, SceneObject.Umbrella, SceneObject.Box];
        var height = box.Height * rng.Range(0.25, 0.5);
        var x = rng.Chance(0.5) ? box.Left + box.Width * rng.Range(0, 0.15) : box.Right - box.Width * rng.Range(0, 0.15);
        var foot = new SKPoint(x, Math.Min(plan.Height + height * 0.2f, box.Bottom + height * rng.Range(0.05, 0.3)));
        ObjectPainter.Paint(canvas, rng, rng.Pick(kinds), foot, height);
    }
}
