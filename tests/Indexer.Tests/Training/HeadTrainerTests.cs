using Pursearch.Indexer.Training;
using Pursearch.Indexer.Training.Caching;
using Pursearch.Indexer.Training.Features;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;
using Pursearch.Vision.Pipeline;

namespace Pursearch.Indexer.Tests.Training;

[Collection(ToyTrainingCollection.Name)]
public sealed class HeadTrainerTests(ToyTrainingFixture toy)
{
    [Fact]
    public void A_trivially_separable_set_trains_to_high_validation_scores()
    {
        var metrics = toy.Trained.Metrics;

        Assert.True(metrics["validation.identificationTop1"] >= 0.9, $"identification {metrics["validation.identificationTop1"]}");
        Assert.True(metrics["validation.cropIoU"] >= 0.5, $"crop IoU {metrics["validation.cropIoU"]}");
        Assert.Equal(toy.Trained.Manifest.ValidationPhotos, (int)metrics["validation.photos"]);
        Assert.Equal(["toy/blue-block", "toy/red-disc", HeadClass.NotHandbagSlug],
            toy.Trained.Heads.Identification!.Classes.Select(c => c.Slug));
    }

    [Fact]
    public void Held_out_photos_are_identified_and_located_far_better_than_the_baselines()
    {
        var result = toy.HeldOut;

        Assert.Equal(6, result.HeldOut);
        Assert.Equal(4, result.Negatives);
        Assert.True(result.IdentificationTop1 >= 0.8, $"identification {result.IdentificationTop1}");
        Assert.Equal(1, result.IdentificationTop3);
        Assert.True(result.CropIoU >= 0.5, $"crop IoU {result.CropIoU}");
        Assert.True(result.CropIoU > result.CenterBoxIoU, $"crop IoU {result.CropIoU} vs centred box {result.CenterBoxIoU}");
        Assert.True(result.StyleInTop3 >= 0.8, $"style in top 3 {result.StyleInTop3}");
        Assert.NotNull(result.StyleInTop3CosineOnly);
        Assert.Equal(8, result.CatalogProducts);
        // Red versus blue: colour alone separates the toy classes, which is why Forge's real classes share colourways.
        Assert.Equal(1, result.BaselineColorTop1);
        Assert.Contains("cropIoU", result.ToMetrics().Keys);
    }

    [Fact]
    public void Trained_heads_save_load_and_score_the_same()
    {
        var folder = toy.Scratch.Combine("heads");
        HeadSetFiles.Save(toy.Trained.Heads, folder);
        var loaded = HeadSetFiles.Load(folder);
        var vector = toy.Features.Vectors([new ImageRegion(toy.Set.HeldOut[0].ImagePath, NormalizedBox.Full, 224)])[0];

        Assert.Equal(toy.Trained.Heads.Identification!.Probabilities(vector), loaded.Identification!.Probabilities(vector));
        Assert.Equal(toy.Trained.Heads.Crop!.Rule, loaded.Crop!.Rule);
        Assert.Equal(toy.Trained.Heads.Crop.Weights, loaded.Crop.Weights);
    }

    [Fact]
    public void Evaluation_cuts_and_embeds_photos_exactly_as_the_search_pipeline_does()
    {
        var pipeline = new VisionPipeline(toy.Decoder, toy.Embedder, toy.Trained.Heads);
        var heads = toy.Trained.Heads;
        foreach (var photo in toy.Set.HeldOut.Take(3))
        {
            var served = pipeline.Analyze(File.ReadAllBytes(photo.ImagePath), CropMode.Auto);
            NormalizedBox? box = null;
            toy.Features.ForEachMap([photo.ImagePath], heads.Crop!.InputSide, toy.Options.Crop.DecodeMinSide,
                (_, map) => box = heads.Crop.Detect(map).Box);
            var vector = toy.Features.Vectors(
                [new ImageRegion(photo.ImagePath, box ?? NormalizedBox.Full, toy.Options.Crop.DecodeMinSide)])[0];

            Assert.Equal(served.Crop.Box, box);
            for (var d = 0; d < vector.Length; d++)
                Assert.Equal(served.Vector[d], vector[d], 3e-3f);
        }
    }

    [Fact]
    public void Training_features_are_cached_on_disk_by_content()
    {
        var maps = Directory.EnumerateFiles(toy.Scratch.Combine("cache"), "*.f16", SearchOption.AllDirectories).Count();
        // One map per photo of either split, whatever else used it (catalog shots are embedded whole, never located).
        var photos = LabelledSetReader.Read(toy.Layout.TrainDirectory).Count + toy.Set.HeldOut.Count;

        Assert.Equal(photos, maps);
        // Reopened while the fixture still writes to it, the log is read as it stands: every crop embedded so far.
        using var vectors = VectorCache.Open(Directory.EnumerateFiles(toy.Scratch.Combine("cache"), "vectors.bin",
            SearchOption.AllDirectories).Single());
        Assert.False(vectors.Persistent);
        Assert.True(vectors.Count >= toy.Trained.Manifest.IdentificationExamples, $"{vectors.Count} vectors cached");
    }
}
