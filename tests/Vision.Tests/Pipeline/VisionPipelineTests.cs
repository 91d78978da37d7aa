using System.Numerics.Tensors;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;
using Pursearch.Vision.Pipeline;
using Pursearch.Vision.Tests.Embedding;
using Pursearch.Vision.Tests.Heads;
using Pursearch.Vision.Tests.Imaging;

namespace Pursearch.Vision.Tests.Pipeline;

[Collection(EmbedderCollection.Name)]
public sealed class VisionPipelineTests(EmbedderFixture fixture)
{
    private const string Space = "resnet18-sq224-v1";
    private readonly ImageDecoder _decoder = new();
    private readonly ImageEmbedder _embedder = fixture.Embedder;

    [Fact]
    public void A_crop_head_fitted_on_a_few_scenes_finds_the_bag_in_a_new_one()
    {
        NormalizedBox[] trainingBoxes =
        [
            new(0.05, 0.1, 0.35, 0.45), new(0.55, 0.45, 0.35, 0.45), new(0.3, 0.05, 0.3, 0.4), new(0.1, 0.5, 0.4, 0.45),
        ];
        var head = FitCropHead([.. trainingBoxes.Select((box, i) => BagScenes.Render(i + 1, box))]);
        var (photo, truth) = BagScenes.Render(99, new NormalizedBox(0.5, 0.12, 0.32, 0.42));
        var pipeline = new VisionPipeline(_decoder, _embedder, new HeadSet(Space, null, head));

        var result = pipeline.Analyze(photo, CropMode.Auto);

        Assert.Equal(CropMode.Auto, result.Crop.Mode);
        Assert.True(result.Crop.Found, "the bag should be found");
        var iou = result.Crop.Box!.Value.IntersectionOverUnion(truth);
        Assert.True(iou >= 0.5, $"IoU {iou:0.00} with box {result.Crop.Box}");
        using var decoded = _decoder.Decode(photo, minSide: 896);
        var expected = _embedder.Embed(decoded.Crop(result.Crop.Box.Value, 224));
        Assert.True(TensorPrimitives.Dot(expected, result.Vector) > 0.9999f, "the vector is the crop's embedding");
    }

    [Fact]
    public void Crop_off_embeds_the_whole_photo_and_identifies_it()
    {
        var photo = TestImages.Scene(21);
        var identification = IdentificationHead512();
        var pipeline = new VisionPipeline(_decoder, _embedder, new HeadSet(Space, identification, RejectingCropHead()));

        var result = pipeline.Analyze(photo, CropMode.Off);

        Assert.Equal(CropOutcome.Off, result.Crop);
        using var decoded = _decoder.Decode(photo, minSide: 224);
        Assert.Equal(_embedder.Embed(decoded.Square(224)), result.Vector);
        var expected = identification.Identify(result.Vector);
        Assert.Equal(expected.Top, result.Identification!.Top);
        Assert.Equal(3, result.Identification.Top.Count);
    }

    [Fact]
    public void When_no_bag_is_found_the_whole_photo_is_embedded()
    {
        var photo = TestImages.Scene(22);
        var pipeline = new VisionPipeline(_decoder, _embedder, new HeadSet(Space, null, RejectingCropHead()));

        var result = pipeline.Analyze(photo, CropMode.Auto);

        Assert.Equal(CropMode.Auto, result.Crop.Mode);
        Assert.False(result.Crop.Found);
        Assert.Null(result.Crop.Box);
        Assert.Null(result.Identification);
        using var decoded = _decoder.Decode(photo, minSide: 896);
        Assert.True(TensorPrimitives.Dot(_embedder.Embed(decoded.Square(224)), result.Vector) > 0.9999f);
        Assert.True(result.Timings.DecodeMs > 0 && result.Timings.CropMs > 0 && result.Timings.EmbedMs > 0);
    }

    [Fact]
    public void Without_a_crop_head_auto_runs_as_off()
    {
        var pipeline = new VisionPipeline(_decoder, _embedder, new HeadSet(Space, null, null));

        Assert.Equal(CropOutcome.Off, pipeline.Analyze(TestImages.Scene(23), CropMode.Auto).Crop);
    }

    [Fact]
    public void Heads_of_another_embedding_space_are_refused() =>
        Assert.Throws<ArgumentException>(() => new VisionPipeline(_decoder, _embedder, new HeadSet("other-space", null, null)));

    [Fact]
    public void A_bad_image_is_a_typed_rejection()
    {
        var pipeline = new VisionPipeline(_decoder, _embedder, new HeadSet(Space, null, null));

        var error = Assert.Throws<ImageRejectedException>(() => pipeline.Analyze("GIF89a broken"u8, CropMode.Auto));

        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
    }

    // A linear head from class means of L2-normalised cells: w = mean(bag) − mean(background), b at the midpoint.
    private CropHead FitCropHead(IReadOnlyList<(byte[] Jpeg, NormalizedBox Box)> scenes)
    {
        const int side = 448;
        var inputs = scenes.Select(s =>
        {
            using var decoded = _decoder.Decode(s.Jpeg, side);
            return decoded.Square(side);
        }).ToList();
        var maps = _embedder.EmbedWithMaps(inputs);
        var bag = new float[512];
        var background = new float[512];
        var (bagCount, backgroundCount) = (0, 0);
        for (var i = 0; i < scenes.Count; i++)
        {
            var map = maps[i].Map;
            var rows = CellFeatures.Extract(map, CellNormalization.L2);
            for (var cell = 0; cell < map.Cells; cell++)
            {
                var (cx, cy) = ((cell % map.Width + 0.5) / map.Width, (cell / map.Width + 0.5) / map.Height);
                var box = scenes[i].Box;
                var inside = cx > box.X && cx < box.Right && cy > box.Y && cy < box.Bottom;
                var sum = inside ? bag : background;
                TensorPrimitives.Add(sum, rows.AsSpan(cell * 512, 512), sum);
                if (inside)
                    bagCount++;
                else
                    backgroundCount++;
            }
        }
        TensorPrimitives.Divide(bag, bagCount, bag);
        TensorPrimitives.Divide(background, backgroundCount, background);
        var weights = new float[512];
        TensorPrimitives.Subtract(bag, background, weights);
        var midpoint = new float[512];
        TensorPrimitives.Add(bag, background, midpoint);
        TensorPrimitives.Divide(midpoint, 2, midpoint);
        var bias = -TensorPrimitives.Dot(weights, midpoint);
        const float sharpness = 20;
        TensorPrimitives.Multiply(weights, sharpness, weights);
        return new CropHead(weights, bias * sharpness, CellNormalization.L2, new BoxRule(0.5, 0.05, 2));
    }

    private static CropHead RejectingCropHead() => new(new float[512], -50, CellNormalization.L2, new BoxRule());

    private static IdentificationHead IdentificationHead512()
    {
        var random = new Random(8);
        var classes = IdentificationHeadTests.Classes;
        return new IdentificationHead(classes, 512,
            [.. Enumerable.Range(0, classes.Length * 512).Select(_ => (float)(random.NextDouble() - 0.5) * 4)],
            new float[classes.Length]);
    }
}
