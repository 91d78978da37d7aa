using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Identification;

/// <summary>
/// Perturbs true boxes the way predicted ones miss: the centre moves by up to <see cref="Shift"/> of the box size and
/// each side is scaled by a factor in [1 − <see cref="Scale"/>, 1 + <see cref="Scale"/>] (log-uniform), clamped to the
/// image. Training identification on such crops makes it robust to the crop head's errors.
/// </summary>
public sealed record BoxJitter
{
    public BoxJitter(double shift = 0.12, double scale = 0.25)
    {
        if (!(shift is >= 0 and < 0.5))
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "must be in [0, 0.5)");
        if (!(scale is >= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "must be in [0, 1)");
        (Shift, Scale) = (shift, scale);
    }

    public double Shift { get; }
    public double Scale { get; }

    public NormalizedBox Apply(NormalizedBox box, Random random)
    {
        var centreX = box.X + box.W * (0.5 + Signed(random, Shift));
        var centreY = box.Y + box.H * (0.5 + Signed(random, Shift));
        var width = box.W * Factor(random);
        var height = box.H * Factor(random);
        return NormalizedBox.FromCorners(centreX - width / 2, centreY - height / 2, centreX + width / 2, centreY + height / 2);
    }

    /// <summary>A box of a random place and size (sides 15–65 % of the image), for background crops.</summary>
    public static NormalizedBox RandomRegion(Random random)
    {
        var width = 0.15 + 0.5 * random.NextDouble();
        var height = 0.15 + 0.5 * random.NextDouble();
        var x = (1 - width) * random.NextDouble();
        var y = (1 - height) * random.NextDouble();
        return NormalizedBox.FromCorners(x, y, x + width, y + height);
    }

    private double Factor(Random random) =>
        Math.Exp(Math.Log(1 - Scale) + (Math.Log(1 + Scale) - Math.Log(1 - Scale)) * random.NextDouble());

    private static double Signed(Random random, double limit) => (random.NextDouble() * 2 - 1) * limit;
}
