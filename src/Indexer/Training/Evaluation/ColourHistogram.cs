using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training.Evaluation;

/// <summary>
/// The colour baseline's feature: a joint HSV histogram (8 hue × 4 saturation × 4 value bins) of an image region,
/// L1-normalised, compared by L1 distance. It sees colours only, never shape or pattern; identification that is not far
/// above it would be learning colour.
/// </summary>
public static class ColourHistogram
{
    public const string Version = "hsv-8x4x4-v1";
    public const int HueBins = 8;
    public const int SaturationBins = 4;
    public const int ValueBins = 4;
    public const int Bins = HueBins * SaturationBins * ValueBins;

    public static float[] Of(RgbaImage image)
    {
        var histogram = new float[Bins];
        for (var i = 0; i < image.Pixels.Length; i += 4)
            histogram[Bin(image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2])]++;
        var total = image.Width * image.Height;
        for (var b = 0; b < Bins; b++)
            histogram[b] /= total;
        return histogram;
    }

    public static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += Math.Abs(a[i] - b[i]);
        return sum;
    }

    public static int Bin(byte r, byte g, byte b)
    {
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var chroma = max - min;
        double hue = chroma == 0 ? 0
            : max == r ? (double)(g - b) / chroma
            : max == g ? 2 + (double)(b - r) / chroma
            : 4 + (double)(r - g) / chroma;
        hue = (hue / 6 + 1) % 1;
        var saturation = max == 0 ? 0 : (double)chroma / max;
        var value = max / 255.0;
        return (Quantise(hue, HueBins) * SaturationBins + Quantise(saturation, SaturationBins)) * ValueBins
               + Quantise(value, ValueBins);
    }

    private static int Quantise(double unit, int bins) => Math.Min(bins - 1, (int)(unit * bins));
}
