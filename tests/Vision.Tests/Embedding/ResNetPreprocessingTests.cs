using Microsoft.ML.OnnxRuntime;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Imaging;
using Pursearch.Vision.Tests.Imaging;

namespace Pursearch.Vision.Tests.Embedding;

public sealed class ResNetPreprocessingTests
{
    private static readonly BackboneFiles Files = BackboneFiles.Locate();
    private readonly ResNetPreprocessing _preprocessing = ResNetPreprocessing.Load(Files.PreprocessingPath);

    [Fact]
    public void Equals_the_packages_preprocessing_graph_at_224()
    {
        using var decoded = new ImageDecoder().Decode(TestImages.Scene(3));
        var image = decoded.Square(224);
        var rgbPlanar = RgbPlanar(image);

        using var session = new InferenceSession(Files.PreprocessingPath);
        using var input = OrtValue.CreateTensorValueFromMemory(rgbPlanar, [1, 3, 224, 224]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["OriginalInput"], [input], ["PreprocessedInput"]);
        var expected = outputs[0].GetTensorDataAsSpan<float>().ToArray();

        var actual = new float[3 * 224 * 224];
        _preprocessing.Write(image, actual);

        var maxDifference = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(maxDifference < 1e-3, $"max abs difference {maxDifference}");
        Assert.True(expected.Select(Math.Abs).Max() > 50, "the comparison must cover real, non-zero values");
    }

    [Fact]
    public void Channel_means_come_from_the_mean_image_in_BGR_order()
    {
        Assert.Equal(103.06, _preprocessing.ChannelMeans[0], 0.01);
        Assert.Equal(115.90, _preprocessing.ChannelMeans[1], 0.01);
        Assert.Equal(123.15, _preprocessing.ChannelMeans[2], 0.01);
    }

    [Fact]
    public void Other_sizes_subtract_the_channel_means_from_BGR_planes()
    {
        const int side = 64;
        var pixels = new byte[side * side * 4];
        for (var i = 0; i < side * side; i++)
            (pixels[4 * i], pixels[4 * i + 1], pixels[4 * i + 2], pixels[4 * i + 3]) = (200, 100, 50, 255);
        var planes = new float[3 * side * side];

        _preprocessing.Write(new RgbaImage(side, side, pixels), planes);

        var plane = side * side;
        Assert.Equal(50 - _preprocessing.ChannelMeans[0], planes[17], 4);
        Assert.Equal(100 - _preprocessing.ChannelMeans[1], planes[plane + 17], 4);
        Assert.Equal(200 - _preprocessing.ChannelMeans[2], planes[2 * plane + 17], 4);
    }

    [Fact]
    public void A_batch_needs_one_common_square_size()
    {
        var small = new RgbaImage(32, 32, new byte[32 * 32 * 4]);
        var other = new RgbaImage(64, 64, new byte[64 * 64 * 4]);

        Assert.Throws<ArgumentException>(() => _preprocessing.CreateBatch([small, other]));
        Assert.Equal([2, 3, 32, 32], _preprocessing.CreateBatch([small, small]).Shape);
    }

    private static float[] RgbPlanar(RgbaImage image)
    {
        var plane = image.Width * image.Height;
        var planar = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
                planar[c * plane + i] = image.Pixels[4 * i + c];
        }
        return planar;
    }
}
