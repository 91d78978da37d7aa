using Pursearch.Forge.Rendering.Scenes;
using Pursearch.Forge.World;
using SkiaSharp;

namespace Pursearch.Forge.Tests.Rendering;

public class StreetPlanTests
{
    private static readonly ForgeWorld World = ForgeWorld.Create(seed: 3, products: 600);

    private static readonly IReadOnlyList<StreetPlan> Plans =
        Enumerable.Range(0, 700).Select(i => StreetPlanner.Plan(World, i % 2 == 0 ? Split.Train : Split.HeldOut, i, false)).ToList();

    [Fact]
    public void PrimaryBagsCoverThreeToFortyPercentOfTheFrameAnywhere()
    {
        var frame = new SKSize(StreetPlan.DefaultWidth, StreetPlan.DefaultHeight);
        var fractions = Plans.Select(p => StreetPlanner.AreaFraction(p.Bags[0].Placement.Box, frame)).ToList();
        Assert.All(fractions, f => Assert.InRange(f, 0.03, 0.40));
        Assert.True(fractions.Min() < 0.04 && fractions.Max() > 0.3, $"range {fractions.Min():F3}..{fractions.Max():F3}");
        var centres = Plans.Select(p => p.Bags[0].Placement.Box).Select(b => (x: b.MidX, y: b.MidY)).ToList();
        Assert.Contains(centres, c => c.x < frame.Width * 0.25);
        Assert.Contains(centres, c => c.x > frame.Width * 0.75);
        Assert.Contains(centres, c => c.y < frame.Height * 0.3);
        Assert.Contains(centres, c => c.y > frame.Height * 0.7);
    }

    [Fact]
    public void BoxesLieInsideTheFrameAndRotationsWithinTwentyDegrees()
    {
        foreach (var bag in Plans.SelectMany(p => p.Bags))
        {
            var box = bag.Placement.Box;
            Assert.True(box.Left >= 0 && box.Top >= 0 && box.Right <= StreetPlan.DefaultWidth && box.Bottom <= StreetPlan.DefaultHeight,
                $"box {box} leaves the frame");
            Assert.InRange(bag.Rotation, -20f, 20f);
        }
        Assert.Contains(Plans, p => p.Bags[0].Rotation > 15);
        Assert.Contains(Plans, p => p.Bags[0].Rotation < -15);
    }

    [Fact]
    public void AboutOneInTenPhotosHasASecondSmallerBagOfAnotherClass()
    {
        var withTwo = Plans.Where(p => p.Bags.Count == 2).ToList();
        Assert.InRange(withTwo.Count / (double)Plans.Count, 0.06, 0.14);
        foreach (var plan in withTwo)
        {
            var (first, second) = (plan.Bags[0], plan.Bags[1]);
            Assert.True(first.Primary && !second.Primary);
            Assert.NotEqual(first.Style, second.Style);
            Assert.True(Area(second.Placement.Box) < Area(first.Placement.Box));
        }
        Assert.All(Plans, p => Assert.InRange(p.Bags.Count, 1, 2));
    }

    [Fact]
    public void ClassesAreBalancedAndEveryClassAppearsInEveryColourway()
    {
        var perClass = Plans.GroupBy(p => p.Bags[0].Style).ToList();
        Assert.Equal(World.Styles.Count, perClass.Count);
        Assert.True(perClass.Max(g => g.Count()) - perClass.Min(g => g.Count()) <= 1);
        var big = ForgeWorld.Create(seed: 3, products: 5000);
        var many = Enumerable.Range(0, World.Styles.Count * 120).Select(i => StreetPlanner.Plan(big, Split.HeldOut, i, false));
        foreach (var group in many.GroupBy(p => p.Bags[0].Style))
            Assert.Equal(World.Colourways.Count, group.Select(p => p.Bags[0].Look.Colour).Distinct().Count());
    }

    [Fact]
    public void DepictedProductsMatchTheirBagsClassAndColour()
    {
        var depicted = Plans.SelectMany(p => p.Bags).Where(b => b.Product is not null).ToList();
        Assert.InRange(depicted.Count / (double)Plans.Count, 0.4, 0.8);
        Assert.All(depicted, b =>
        {
            Assert.Equal(b.Style, b.Product!.Style);
            Assert.Equal(b.Look.Colour, b.Product.Colour);
            Assert.False(b.Product.IsDupe);
        });
    }

    [Fact]
    public void PhotosVaryInCarrySceneQualityAndOcclusion()
    {
        Assert.Equal(3, Plans.Select(p => p.Bags[0].Carry).Distinct().Count());
        Assert.Equal(4, Plans.Select(p => p.Scene).Distinct().Count());
        Assert.All(Plans, p => Assert.InRange(p.Finish.JpegQuality, 60, 95));
        Assert.True(Plans.Select(p => p.Finish.JpegQuality).Distinct().Count() > 20);
        Assert.InRange(Plans.Count(p => p.Occluded) / (double)Plans.Count, 0.12, 0.35);
        Assert.Contains(Plans, p => p.Finish.Blur > 0);
    }

    [Fact]
    public void NegativesHaveNoBagsAndTheSameIndexPlansTheSamePhoto()
    {
        var negative = StreetPlanner.Plan(World, Split.HeldOut, 4, negative: true);
        Assert.Empty(negative.Bags);
        Assert.Equal("heldout-neg-00004", negative.Id);
        var a = StreetPlanner.Plan(World, Split.Train, 42, false);
        var b = StreetPlanner.Plan(World, Split.Train, 42, false);
        Assert.Equal(a.Bags[0].Placement, b.Bags[0].Placement);
        Assert.Equal(a.Finish, b.Finish);
        var heldOut = StreetPlanner.Plan(World, Split.HeldOut, 42, false);
        Assert.NotEqual(a.Bags[0].Placement.Box, heldOut.Bags[0].Placement.Box);
    }

    private static int Area(SKRectI r) => r.Width * r.Height;
}
