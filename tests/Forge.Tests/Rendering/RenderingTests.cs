using Pursearch.Forge.Rendering;
using Pursearch.Forge.Rendering.Scenes;
using Pursearch.Forge.World;
using SkiaSharp;

namespace Pursearch.Forge.Tests.Rendering;

public class RenderingTests
{
    private static readonly ForgeWorld World = ForgeWorld.Create(seed: 21, products: 300);

    public static TheoryData<int> PlanIndices()
    {
        // Two passes over the classes, plus photos with a second bag (found by planning ahead).
        var data = new TheoryData<int>();
        foreach (var i in Enumerable.Range(0, 36))
            data.Add(i);
        foreach (var i in Enumerable.Range(36, 400).Where(i => StreetPlanner.Plan(World, Split.HeldOut, i, false).Bags.Count > 1).Take(6))
            data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(PlanIndices))]
    public void EverySidecarBoxTightlyEnclosesItsRenderedBag(int index)
    {
        var plan = StreetPlanner.Plan(World, Split.HeldOut, index, false);
        for (var b = 0; b < plan.Bags.Count; b++)
        {
            using var layer = StreetRenderer.RenderBagLayer(plan, b);
            var painted = AlphaExtent.Of(layer) ?? throw new Xunit.Sdk.XunitException("bag layer is empty");
            var box = plan.Bags[b].Placement.Box;
            Assert.True(box.Contains(painted), $"{plan.Bags[b].Style.ClassSlug}: box {box} does not enclose painted {painted}");
            Assert.True(painted.Left - box.Left <= 2 && painted.Top - box.Top <= 2 &&
                        box.Right - painted.Right <= 2 && box.Bottom - painted.Bottom <= 2,
                $"{plan.Bags[b].Style.ClassSlug}: box {box} is loose around painted {painted}");
        }
    }

    [Fact]
    public void RenderingIsDeterministicPerPlanAndProduct()
    {
        var plan = StreetPlanner.Plan(World, Split.Train, 9, false);
        Assert.Equal(StreetRenderer.RenderJpeg(plan), StreetRenderer.RenderJpeg(plan));
        var product = World.Products[3];
        Assert.Equal(ProductShotRenderer.RenderJpeg(World, product), ProductShotRenderer.RenderJpeg(World, product));
    }

    [Fact]
    public void ProductShotsAreSquareStudioShotsWithTheBagCentred()
    {
        var product = World.Products.First(p => p.Style.Silhouette == Silhouette.Tote && p.Colour.Slug == "noir");
        using var shot = ProductShotRenderer.Render(World, product);
        Assert.Equal(ProductShotRenderer.Size, shot.Width);
        Assert.Equal(ProductShotRenderer.Size, shot.Height);
        var corner = shot.GetPixel(4, 4);
        var centre = shot.GetPixel(shot.Width / 2, shot.Height / 2 + 40);
        Assert.True(Distance(corner, product.Retailer.Studio) < 60, $"corner {corner} is not the studio backdrop");
        Assert.True(Distance(centre, corner) > 40, "the centre of the shot shows no bag");
    }

    [Fact]
    public void ColourVariantsOfAFamilyDifferOnlyInColour()
    {
        var family = World.Products.GroupBy(p => p.FamilyId).First(f => f.Select(p => p.Colour).Distinct().Count() > 1 && f.Select(p => p.Size).Distinct().Count() == 1).ToList();
        var a = ProductShotRenderer.LookOf(World, family[0]);
        var b = ProductShotRenderer.LookOf(World, family.First(p => p.Colour != family[0].Colour));
        Assert.Equal(a.Variation, b.Variation);
        Assert.Equal(a.Style, b.Style);
        Assert.NotEqual(a.Colour, b.Colour);
    }

    [Fact]
    public void JpegEncoderRejectsQualityOutOfRange()
    {
        using var bitmap = Canvases.NewBitmap(8, 8);
        Assert.Throws<ArgumentOutOfRangeException>(() => JpegEncoder.Encode(bitmap, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => JpegEncoder.Encode(bitmap, 101));
        Assert.Equal(0xFF, JpegEncoder.Encode(bitmap, 60)[0]);
    }

    private static double Distance(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue);
}
