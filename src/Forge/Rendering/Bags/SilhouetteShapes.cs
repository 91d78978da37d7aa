using Pursearch.Forge.World;
using SkiaSharp;

namespace Pursearch.Forge.Rendering.Bags;

/// <summary>Builds the <see cref="BodyShape"/> of each silhouette; a variation stretches the height and softens the lines.</summary>
public static class SilhouetteShapes
{
    private const float W = BodyShape.Width;

    public static BodyShape Build(Silhouette silhouette, BagVariation variation) => silhouette switch
    {
        Silhouette.Tote => Tote(165 * variation.Aspect, variation.Slouch),
        Silhouette.Satchel => Satchel(150 * variation.Aspect),
        Silhouette.DomeSatchel => Dome(140 * variation.Aspect),
        Silhouette.FlapShoulder => Flap(124 * variation.Aspect, 80),
        Silhouette.Bucket => Bucket(200 * variation.Aspect, variation.Slouch),
        Silhouette.Pouch => Pouch(118 * variation.Aspect),
        Silhouette.Hobo => Hobo(140 * variation.Aspect, variation.Slouch),
        Silhouette.Baguette => Baguette(96 * variation.Aspect),
        Silhouette.Backpack => Backpack(235 * variation.Aspect),
        Silhouette.Crossbody => Crossbody(138 * variation.Aspect),
        _ => throw new ArgumentOutOfRangeException(nameof(silhouette)),
    };

    private static BodyShape Tote(float h, float slouch)
    {
        using var body = new SKPathBuilder();
        var sag = 4 + slouch * 6;
        body.MoveTo(0, 0);
        body.QuadTo(W / 2, sag, W, 0);
        body.CubicTo(196, h * 0.35f, 190, h * 0.7f, 185, h - 14);
        body.QuadTo(183, h, 168, h);
        body.LineTo(32, h);
        body.QuadTo(17, h, 15, h - 14);
        body.CubicTo(10, h * 0.7f, 4, h * 0.35f, 0, 0);
        body.Close();
        return new BodyShape
        {
            Height = h, Body = body.Detach(), Opening = Rim(2, W - 2, 0, 12),
            FrontHandle = (new(60, sag * 0.6f), new(140, sag * 0.6f)), BackHandle = (new(50, -5), new(150, -5)),
            StrapLeft = new(60, sag * 0.6f), StrapRight = new(140, sag * 0.6f), HandleLift = 0.55f,
            Lock = new(W / 2, 34), StrapWidth = 10,
        };
    }

    private static BodyShape Satchel(float h)
    {
        using var body = new SKPathBuilder();
        body.MoveTo(30, 0);
        body.LineTo(170, 0);
        body.QuadTo(176, 0, 177, 6);
        body.LineTo(198, h - 12);
        body.QuadTo(200, h, 188, h);
        body.LineTo(12, h);
        body.QuadTo(0, h, 2, h - 12);
        body.LineTo(23, 6);
        body.QuadTo(24, 0, 30, 0);
        body.Close();
        var flapBottom = h * 0.38f;
        var side = 23 - 21 * (flapBottom - 6) / (h - 18);
        using var flap = new SKPathBuilder();
        flap.MoveTo(30, -3);
        flap.LineTo(170, -3);
        flap.QuadTo(178, -3, 179, 4);
        flap.LineTo(W - side + 1, flapBottom - 6);
        flap.QuadTo(W - side + 1, flapBottom, W - side - 6, flapBottom);
        flap.LineTo(side + 6, flapBottom);
        flap.QuadTo(side - 1, flapBottom, side - 1, flapBottom - 6);
        flap.LineTo(21, 4);
        flap.QuadTo(22, -3, 30, -3);
        flap.Close();
        return new BodyShape
        {
            Height = h, Body = body.Detach(), Flap = flap.Detach(),
            FrontHandle = (new(68, -2), new(132, -2)), BackHandle = (new(60, -3), new(140, -3)), HandleLift = 0.4f,
            StrapLeft = new(26, 8), StrapRight = new(174, 8),
            Lock = new(W / 2, flapBottom), BeltXs = [50, 150], BeltBottom = flapBottom + 26, StrapWidth = 9,
        };
    }

    private static BodyShape Dome(float h)
    {
        using var body = new SKPathBuilder();
        body.MoveTo(14, 62);
        body.CubicTo(14, 8, 60, 0, 100, 0);
        body.CubicTo(140, 0, 186, 8, 186, 62);
        body.LineTo(193, h - 12);
        body.QuadTo(195, h, 181, h);
        body.LineTo(19, h);
        body.QuadTo(5, h, 7, h - 12);
        body.Close();
        using var zip = new SKPathBuilder();
        zip.MoveTo(22, 66);
        zip.CubicTo(22, 17, 62, 9, 100, 9);
        zip.CubicTo(138, 9, 178, 17, 178, 66);
        return new BodyShape
        {
            Height = h, Body = body.Detach(), ZipTrack = zip.Detach(),
            FrontHandle = (new(58, 10), new(142, 10)), BackHandle = (new(50, 8), new(150, 8)), HandleLift = 0.42f,
            StrapLeft = new(16, 40), StrapRight = new(184, 40),
            Lock = new(W / 2, 44), StrapWidth = 9,
        };
    }

    private static BodyShape Flap(float h, float flapBottom)
    {
        var body = RoundRect(h, 10);
        using var flap = new SKPathBuilder();
        flap.MoveTo(0, 6);
        flap.QuadTo(0, -2, 8, -2);
        flap.LineTo(192, -2);
        flap.QuadTo(200, -2, 200, 6);
        flap.LineTo(200, flapBottom - 10);
        flap.QuadTo(200, flapBottom, 190, flapBottom);
        flap.QuadTo(W / 2, flapBottom + 6, 10, flapBottom);
        flap.QuadTo(0, flapBottom, 0, flapBottom - 10);
        flap.Close();
        return new BodyShape
        {
            Height = h, Body = body, Flap = flap.Detach(),
            StrapLeft = new(5, 4), StrapRight = new(195, 4),
            FrontHandle = (new(70, 0), new(130, 0)), BackHandle = (new(64, 0), new(136, 0)),
            Lock = new(W / 2, flapBottom + 2), BeltXs = [W / 2], BeltBottom = flapBottom + 18, StrapWidth = 8,
        };
    }

    private static BodyShape Bucket(float h, float slouch)
    {
        using var body = new SKPathBuilder();
        var dip = 6 + slouch * 8;
        body.MoveTo(16, 0);
        body.QuadTo(W / 2, dip, 184, 0);
        body.CubicTo(192, h * 0.35f, 200, h * 0.65f, 198, h - 24);
        body.QuadTo(196, h, 170, h);
        body.LineTo(30, h);
        body.QuadTo(4, h, 2, h - 24);
        body.CubicTo(0, h * 0.65f, 8, h * 0.35f, 16, 0);
        body.Close();
        return new BodyShape
        {
            Height = h, Body = body.Detach(), Opening = Rim(16, 184, 0, 14),
            FrontHandle = (new(60, dip * 0.7f), new(140, dip * 0.7f)), BackHandle = (new(48, -6), new(152, -6)),
            HandleLift = 0.42f, StrapLeft = new(17, 5), StrapRight = new(183, 5),
            Lock = new(W / 2, 58), DrawstringY = 18 + dip * 0.5f, StrapWidth = 9,
        };
    }

    private static BodyShape Pouch(float h)
    {
        using var body = new SKPathBuilder();
        body.MoveTo(6, 16);
        const int bumps = 9;
        for (var i = 0; i < bumps; i++)
        {
            var x0 = 6 + 188f * i / bumps;
            var x1 = 6 + 188f * (i + 1) / bumps;
            body.QuadTo((x0 + x1) / 2, i % 2 == 0 ? 4 : 10, x1, 16);
        }
        body.CubicTo(214, 40, 208, h - 8, 172, h);
        body.QuadTo(W / 2, h + 7, 28, h);
        body.CubicTo(-8, h - 8, -14, 40, 6, 16);
        body.Close();
        using var gathers = new SKPathBuilder();
        for (var i = 1; i < bumps; i++)
        {
            var x = 6 + 188f * i / bumps;
            var spread = (x - W / 2) * 0.35f;
            gathers.MoveTo(x, 14);
            gathers.QuadTo(x + spread * 0.2f, h * 0.25f, x + spread * 0.5f, h * (0.36f + 0.08f * (i % 3)));
        }
        return new BodyShape
        {
            Height = h, Body = body.Detach(), Gathers = gathers.Detach(),
            StrapLeft = new(8, 16), StrapRight = new(192, 16),
            FrontHandle = (new(70, 10), new(130, 10)), BackHandle = (new(64, 10), new(136, 10)),
            Lock = new(W / 2, h * 0.55f),
        };
    }

    private static BodyShape Hobo(float h, float slouch)
    {
        using var body = new SKPathBuilder();
        var dip = 34 + slouch * 14;
        body.MoveTo(14, 6);
        body.QuadTo(W / 2, dip, 186, 6);
        body.CubicTo(214, h * 0.42f, 192, h, W / 2, h);
        body.CubicTo(8, h, -14, h * 0.42f, 14, 6);
        body.Close();
        return new BodyShape
        {
            Height = h, Body = body.Detach(),
            StrapLeft = new(15, 7), StrapRight = new(185, 7),
            FrontHandle = (new(15, 7), new(185, 7)), BackHandle = (new(15, 7), new(185, 7)), HandleLift = 0.5f,
            Lock = new(W / 2, dip / 2 + h * 0.3f), StrapWidth = 12,
        };
    }

    private static BodyShape Baguette(float h)
    {
        var body = RoundRect(h, 16);
        var flapBottom = h * 0.66f;
        using var flap = new SKPathBuilder();
        flap.MoveTo(0, 12);
        flap.QuadTo(0, -2, 14, -2);
        flap.LineTo(186, -2);
        flap.QuadTo(200, -2, 200, 12);
        flap.LineTo(200, flapBottom - 14);
        flap.QuadTo(200, flapBottom, 186, flapBottom);
        flap.LineTo(14, flapBottom);
        flap.QuadTo(0, flapBottom, 0, flapBottom - 14);
        flap.Close();
        return new BodyShape
        {
            Height = h, Body = body, Flap = flap.Detach(),
            StrapLeft = new(9, 5), StrapRight = new(191, 5),
            FrontHandle = (new(70, 0), new(130, 0)), BackHandle = (new(64, 0), new(136, 0)),
            Lock = new(W / 2, flapBottom), BeltXs = [W / 2], BeltBottom = flapBottom + 14, StrapWidth = 10,
        };
    }

    private static BodyShape Backpack(float h)
    {
        using var body = new SKPathBuilder();
        body.MoveTo(0, 60);
        body.CubicTo(0, 10, 40, 0, 100, 0);
        body.CubicTo(160, 0, 200, 10, 200, 60);
        body.LineTo(200, h - 20);
        body.QuadTo(200, h, 180, h);
        body.LineTo(20, h);
        body.QuadTo(0, h, 0, h - 20);
        body.Close();
        var flapBottom = h * 0.52f;
        using var flap = new SKPathBuilder();
        flap.MoveTo(2, 58);
        flap.CubicTo(2, 8, 40, -3, 100, -3);
        flap.CubicTo(160, -3, 198, 8, 198, 58);
        flap.LineTo(198, flapBottom - 22);
        flap.CubicTo(198, flapBottom - 4, 150, flapBottom, 100, flapBottom);
        flap.CubicTo(50, flapBottom, 2, flapBottom - 4, 2, flapBottom - 22);
        flap.Close();
        return new BodyShape
        {
            Height = h, Body = body.Detach(), Flap = flap.Detach(),
            StrapLeft = new(58, 8), StrapRight = new(142, 8),
            FrontHandle = (new(84, 1), new(116, 1)), BackHandle = (new(84, 1), new(116, 1)), HandleLift = 0.14f,
            Lock = new(W / 2, flapBottom - 2), StrapWidth = 14,
        };
    }

    private static BodyShape Crossbody(float h)
    {
        var body = RoundRect(h, 12);
        var flapBottom = h * 0.88f;
        using var flap = new SKPathBuilder();
        flap.MoveTo(0, 10);
        flap.QuadTo(0, -2, 12, -2);
        flap.LineTo(188, -2);
        flap.QuadTo(200, -2, 200, 10);
        flap.LineTo(200, flapBottom - 12);
        flap.QuadTo(200, flapBottom, 188, flapBottom);
        flap.LineTo(12, flapBottom);
        flap.QuadTo(0, flapBottom, 0, flapBottom - 12);
        flap.Close();
        return new BodyShape
        {
            Height = h, Body = body, Flap = flap.Detach(),
            StrapLeft = new(4, 6), StrapRight = new(196, 6),
            FrontHandle = (new(70, 0), new(130, 0)), BackHandle = (new(64, 0), new(136, 0)),
            Lock = new(W / 2, flapBottom), StrapWidth = 7,
        };
    }

    private static SKPath RoundRect(float h, float r)
    {
        using var path = new SKPathBuilder();
        path.AddRoundRect(new SKRect(0, 0, W, h), r, r);
        return path.Detach();
    }

    // The lens between the back wall's rim and the front edge of an open-topped bag.
    private static SKPath Rim(float left, float right, float y, float rise)
    {
        using var path = new SKPathBuilder();
        path.MoveTo(left, y + 1);
        path.CubicTo(left + (right - left) * 0.2f, y - rise, right - (right - left) * 0.2f, y - rise, right, y + 1);
        path.CubicTo(right - (right - left) * 0.2f, y + 5, left + (right - left) * 0.2f, y + 5, left, y + 1);
        path.Close();
        return path.Detach();
    }
}
