using Pursearch.Forge.World;
using SkiaSharp;

namespace Pursearch.Forge.Rendering.Bags;

/// <summary>What a strap is made of, which decides how it is stroked.</summary>
public enum StrapKind
{
    Leather,
    Chain,
    Handle,
    Knot,
}

/// <summary>One strap or handle: its centre line in bag-local units, width, material and whether it passes behind the body.</summary>
public sealed record StrapShape(SKPath Centerline, float Width, StrapKind Kind, bool Behind);

/// <summary>Lays out straps and handles for a style, a silhouette's anchor points and a pose.</summary>
public static class StrapRouter
{
    private const float W = BodyShape.Width;

    public static List<StrapShape> Route(BodyShape shape, BagLook look)
    {
        var style = look.Style;
        var straps = new List<StrapShape>();
        if (style.Silhouette == Silhouette.Backpack)
        {
            AddBackpackStraps(straps, shape, style);
            return straps;
        }
        AddHandles(straps, shape, look);
        if (style.HasShoulderStrap && style.Silhouette != Silhouette.Tote)
            AddShoulderStrap(straps, shape, look);
        return straps;
    }

    private static void AddHandles(List<StrapShape> straps, BodyShape shape, BagLook look)
    {
        var hw = look.Style.Hardware;
        var chainHandles = look.Style.Silhouette == Silhouette.Tote && hw.HasFlag(Hardware.ChainStrap);
        if (!chainHandles && (hw & (Hardware.TopHandles | Hardware.SingleHandle | Hardware.KnotHandle)) == 0)
            return;
        var kind = chainHandles ? StrapKind.Chain : hw.HasFlag(Hardware.KnotHandle) ? StrapKind.Knot : StrapKind.Handle;
        var width = kind switch { StrapKind.Knot => 15f, StrapKind.Chain => 8f, _ => 9f };
        var lift = shape.Height * shape.HandleLift * (chainHandles ? 1.55f : 1f) * (0.9f + look.Pose.Lift * 0.15f);
        // Handles take the shoulder only when the bag has no strap of its own to carry it by.
        var carried = look.Pose.Kind == StrapPoseKind.Shoulder && !look.Style.HasShoulderStrap;
        var apex = Apex(look.Pose, shape);
        if (hw.HasFlag(Hardware.TopHandles) || chainHandles)
        {
            var (l, r) = shape.BackHandle;
            var back = carried ? Converge(l, r, apex + new SKPoint(3, -4)) : Arch(l, r, l.Y - lift * 1.06f, (l.X + r.X) / 2);
            straps.Add(new StrapShape(back, width, kind, Behind: true));
        }
        var (fl, fr) = shape.FrontHandle;
        var front = carried ? Converge(fl, fr, apex) : Arch(fl, fr, Math.Min(fl.Y, fr.Y) - lift, (fl.X + fr.X) / 2);
        straps.Add(new StrapShape(front, width, kind, Behind: false));
    }

    private static void AddShoulderStrap(List<StrapShape> straps, BodyShape shape, BagLook look)
    {
        var kind = look.Style.Hardware.HasFlag(Hardware.ChainStrap) ? StrapKind.Chain : StrapKind.Leather;
        var width = kind == StrapKind.Chain ? 8f : shape.StrapWidth;
        var (l, r) = (shape.StrapLeft, shape.StrapRight);
        var pose = look.Pose;
        switch (pose.Kind)
        {
            case StrapPoseKind.Raised:
                var top = Apex(pose, shape);
                straps.Add(new StrapShape(Arch(l, r, top.Y, top.X), width, kind, Behind: false));
                break;
            case StrapPoseKind.Shoulder:
                straps.Add(new StrapShape(Converge(l, r, Apex(pose, shape)), width, kind, Behind: false));
                break;
            case StrapPoseKind.Draped:
                straps.Add(new StrapShape(Drape(shape, pose.Swing >= 0), width, kind, Behind: true));
                break;
        }
    }

    private static void AddBackpackStraps(List<StrapShape> straps, BodyShape shape, HandbagStyle style)
    {
        var kind = style.Hardware.HasFlag(Hardware.ChainStrap) ? StrapKind.Chain : StrapKind.Leather;
        var h = shape.Height;
        foreach (var side in new[] { -1f, 1f })
        {
            var anchor = side < 0 ? shape.StrapLeft : shape.StrapRight;
            var outer = side < 0 ? -16f : W + 16f;
            var foot = side < 0 ? 14f : W - 14f;
            using var path = new SKPathBuilder();
            path.MoveTo(anchor);
            path.CubicTo(anchor.X + (outer - anchor.X) * 0.9f, h * 0.1f, outer, h * 0.55f, foot, h - 18);
            straps.Add(new StrapShape(path.Detach(), kind == StrapKind.Chain ? 9f : shape.StrapWidth, kind, Behind: true));
        }
        var (l, r) = shape.FrontHandle;
        straps.Add(new StrapShape(Arch(l, r, -h * shape.HandleLift, W / 2), 8f, StrapKind.Handle, Behind: false));
    }

    private static SKPoint Apex(StrapPose pose, BodyShape shape) =>
        new(W / 2 + pose.Swing * W, -pose.Lift * shape.Height);

    // A rounded arch from a to b whose top is at apexY.
    private static SKPath Arch(SKPoint a, SKPoint b, float apexY, float apexX)
    {
        var spread = Math.Abs(b.X - a.X) * 0.08f;
        using var path = new SKPathBuilder();
        path.MoveTo(a);
        path.CubicTo(a.X - spread, a.Y + (apexY - a.Y) * 0.8f, apexX - (apexX - a.X) * 0.55f, apexY, apexX, apexY);
        path.CubicTo(apexX + (b.X - apexX) * 0.55f, apexY, b.X + spread, b.Y + (apexY - b.Y) * 0.8f, b.X, b.Y);
        return path.Detach();
    }

    // Two nearly straight runs meeting at a shoulder.
    private static SKPath Converge(SKPoint a, SKPoint b, SKPoint apex)
    {
        using var path = new SKPathBuilder();
        path.MoveTo(a);
        path.QuadTo((a.X + apex.X) / 2 - 5, (a.Y + apex.Y) / 2, apex.X, apex.Y);
        path.QuadTo((b.X + apex.X) / 2 + 5, (b.Y + apex.Y) / 2, b.X, b.Y);
        return path.Detach();
    }

    // The strap falls off one side of a bag set down and curls back behind it.
    private static SKPath Drape(BodyShape shape, bool right)
    {
        var h = shape.Height;
        SKPoint M(float x, float y) => right ? new SKPoint(x, y) : new SKPoint(W - x, y);
        var start = right ? shape.StrapRight : shape.StrapLeft;
        using var path = new SKPathBuilder();
        path.MoveTo(start);
        // Work in right-hand coordinates; M mirrors back for a strap falling to the left.
        var s = right ? start : new SKPoint(W - start.X, start.Y);
        path.CubicTo(M(s.X + 30, s.Y - h * 0.22f), M(W + 58, h * 0.08f), M(W + 50, h * 0.7f));
        path.CubicTo(M(W + 46, h * 0.98f), M(W + 12, h * 0.99f), M(W * 0.82f, h * 0.97f));
        return path.Detach();
    }
}
