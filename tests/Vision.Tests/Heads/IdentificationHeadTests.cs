using Pursearch.Vision.Heads;

namespace Pursearch.Vision.Tests.Heads;

public sealed class IdentificationHeadTests
{
    internal static readonly HeadClass[] Classes =
    [
        new("maison-ardent/ardent-flap", "Maison Ardent", "Ardent Flap"),
        new("rue/city-tote", "Rue", "City Tote"),
        HeadClass.NotHandbag,
        new("volta/moon-hobo", "Volta", "Moon Hobo"),
        new("volta/mini-bucket", "Volta", "Mini Bucket"),
    ];

    [Fact]
    public void Probabilities_are_the_softmax_of_the_linear_scores()
    {
        var head = Head(logitsFor: [2, 1, 0, -1, 0.5f]);

        var probabilities = head.Probabilities(Unit(0));

        var expected = Softmax([2, 1, 0, -1, 0.5]);
        for (var c = 0; c < expected.Length; c++)
            Assert.Equal(expected[c], probabilities[c], 5);
        Assert.Equal(1, probabilities.Sum(), 5);
    }

    [Fact]
    public void Top_three_handbag_classes_in_order_with_brand_and_style()
    {
        var head = Head(logitsFor: [1, 3, 2.5f, -1, 2]);

        var identification = head.Identify(Unit(0));

        Assert.False(identification.NotHandbag);
        Assert.Equal(["rue/city-tote", "volta/mini-bucket", "maison-ardent/ardent-flap"],
            identification.Top.Select(t => t.Slug));
        Assert.Equal(("Rue", "City Tote"), (identification.Top[0].Brand, identification.Top[0].Style));
        Assert.Equal(Softmax([1, 3, 2.5, -1, 2])[2], identification.NotHandbagProbability, 5);
        Assert.True(identification.Top[0].Probability > identification.Top[1].Probability);
    }

    [Fact]
    public void Not_a_handbag_wins_when_its_class_is_most_likely()
    {
        var head = Head(logitsFor: [0, 0.5f, 4, 0, 0]);

        var identification = head.Identify(Unit(0), top: 2);

        Assert.True(identification.NotHandbag);
        Assert.Equal(2, identification.Top.Count);
        Assert.DoesNotContain(identification.Top, t => t.Slug == HeadClass.NotHandbagSlug);
    }

    [Fact]
    public void The_input_selects_the_weights()
    {
        // Class c's weights point along axis c, so the unit vector on axis 3 picks class 3.
        var weights = new float[5 * 8];
        for (var c = 0; c < 5; c++)
            weights[c * 8 + c] = 5;
        var head = new IdentificationHead(Classes, 8, weights, new float[5]);

        Assert.Equal("volta/moon-hobo", head.Identify(Unit(3, 8)).Top[0].Slug);
    }

    [Fact]
    public void Inconsistent_heads_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new IdentificationHead(Classes, 8, new float[39], new float[5]));
        Assert.Throws<ArgumentException>(() => new IdentificationHead([Classes[0], Classes[0]], 8, new float[16], new float[2]));
        Assert.Throws<ArgumentException>(() => Head([1, 2, 3, 4, 5]).Probabilities(new float[7]));
        Assert.Throws<ArgumentException>(() => new HeadClass("rue/city-tote", "Rue", " "));
    }

    // A head over 4-d inputs whose biases are the given logits and whose weights are zero.
    internal static IdentificationHead Head(float[] logitsFor) => new(Classes, 4, new float[Classes.Length * 4], logitsFor);

    private static float[] Unit(int axis, int dimensions = 4)
    {
        var vector = new float[dimensions];
        vector[axis] = 1;
        return vector;
    }

    private static double[] Softmax(double[] logits)
    {
        var exp = logits.Select(Math.Exp).ToArray();
        return [.. exp.Select(e => e / exp.Sum())];
    }
}
