using Pursearch.Forge.World;

namespace Pursearch.Forge.Tests.World;

public class WorldDefinitionTests
{
    private static readonly IReadOnlyList<HandbagStyle> Styles = WorldDefinition.Styles;

    [Fact]
    public void HasAtLeastSixBrandsWithAtLeastThreeStylesEach()
    {
        Assert.True(WorldDefinition.Brands.Count >= 6);
        Assert.True(Styles.Count >= 18);
        foreach (var brand in WorldDefinition.Brands)
            Assert.True(Styles.Count(s => s.Brand == brand) >= 3, $"{brand.Name} has fewer than 3 styles");
    }

    [Fact]
    public void ClassSlugsAreUniqueAndWellFormed()
    {
        Assert.Equal(Styles.Count, Styles.Select(s => s.ClassSlug).Distinct().Count());
        Assert.All(Styles, s => Assert.Matches("^[a-z0-9-]+/[a-z0-9-]+$", s.ClassSlug));
    }

    [Fact]
    public void NoTwoClassesShareSilhouetteSignatureAndHardware()
    {
        var designs = Styles.Select(s => (s.Silhouette, s.Signature, s.Hardware)).ToList();
        Assert.Equal(designs.Count, designs.Distinct().Count());
    }

    [Fact]
    public void AtLeastThreeCrossBrandPairsShareASilhouetteAndDifferOnlyByHardwareOrPrint()
    {
        var pairs = (from a in Styles
                     from b in Styles
                     where string.CompareOrdinal(a.ClassSlug, b.ClassSlug) < 0
                     where a.Brand != b.Brand && a.Silhouette == b.Silhouette
                     where (a.Signature != b.Signature) ^ (a.Hardware != b.Hardware)
                     select (a.ClassSlug, b.ClassSlug)).ToList();
        Assert.True(pairs.Count >= 3, $"only {pairs.Count} pairs: {string.Join(", ", pairs)}");
        Assert.Contains(pairs, p => Styles.First(s => s.ClassSlug == p.Item1).Signature !=
                                    Styles.First(s => s.ClassSlug == p.Item2).Signature);
        Assert.Contains(pairs, p => Styles.First(s => s.ClassSlug == p.Item1).Hardware !=
                                    Styles.First(s => s.ClassSlug == p.Item2).Hardware);
    }

    [Fact]
    public void ThereAreAtLeastSixColourwaysWithDistinctColours()
    {
        Assert.True(WorldDefinition.Colourways.Count >= 6);
        Assert.Equal(WorldDefinition.Colourways.Count, WorldDefinition.Colourways.Select(c => c.Base).Distinct().Count());
    }

    [Fact]
    public void EveryClassIsSoldInEveryColourway()
    {
        var world = ForgeWorld.Create(seed: 11, products: 8000);
        foreach (var style in Styles)
        {
            var colours = world.Products.Where(p => p.Style == style).Select(p => p.Colour).Distinct().ToList();
            Assert.Equal(WorldDefinition.Colourways.Count, colours.Count);
        }
    }

    [Fact]
    public void ColourAloneDoesNotPredictTheClass()
    {
        var world = ForgeWorld.Create(seed: 5, products: 20000);
        var uniform = 1.0 / Styles.Count;
        foreach (var colour in WorldDefinition.Colourways)
        {
            var ofColour = world.Products.Where(p => p.Colour == colour).ToList();
            var largestShare = Styles.Max(s => ofColour.Count(p => p.Style == s) / (double)ofColour.Count);
            Assert.True(largestShare < uniform * 1.6, $"{colour.Name}: one class has {largestShare:P1} of its products");
        }
    }

    [Fact]
    public void ClassesDoNotDependOnTheSeed()
    {
        var a = ForgeWorld.Create(1, 10);
        var b = ForgeWorld.Create(99, 10);
        Assert.Equal(a.Styles.Select(s => s.ClassSlug), b.Styles.Select(s => s.ClassSlug));
        Assert.Equal(a.Version, b.Version);
        Assert.False(string.IsNullOrWhiteSpace(a.Version));
    }

    [Fact]
    public void StyleLooksUpByClassSlugAndRejectsUnknownOnes()
    {
        var world = ForgeWorld.Create(1, 0);
        Assert.Equal("Classic Flap", world.Style("maison-ardent/classic-flap").Name);
        Assert.Throws<KeyNotFoundException>(() => world.Style("nobody/nothing"));
    }

    [Fact]
    public void HardwareNamesAreKebabCaseJoinedByPlus()
    {
        Assert.Equal("turn-lock+chain-strap", WorldNames.Kebab(Hardware.TurnLock | Hardware.ChainStrap));
        Assert.Equal("flap-shoulder", WorldNames.Kebab(Silhouette.FlapShoulder));
        Assert.Equal("none", WorldNames.Kebab(Hardware.None));
    }
}
