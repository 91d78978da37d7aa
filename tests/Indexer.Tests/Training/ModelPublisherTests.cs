using Pursearch.Core.Versions;
using Pursearch.Indexer.Training;
using Pursearch.Storage;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Heads;

namespace Pursearch.Indexer.Tests.Training;

public sealed class ModelPublisherTests
{
    private static readonly EmbeddingSpace Space = VisionSpaces.ResNet18Squash224;

    [Fact]
    public async Task Registers_numbered_versions_with_weights_and_promotes_only_better_ones()
    {
        using var scratch = new ScratchFolder();
        await using var store = await StoreFactory.OpenAsync(StoreUri.Default(scratch.Path), new StoreOptions(scratch.Path));
        var publisher = new ModelPublisher(store, scratch.Path);

        var first = await publisher.PublishAsync(Trained(0.7), Space, Metrics(0.7), DateTimeOffset.UnixEpoch);
        var better = await publisher.PublishAsync(Trained(0.8), Space, Metrics(0.8), DateTimeOffset.UnixEpoch.AddDays(1));
        var worse = await publisher.PublishAsync(Trained(0.75), Space, Metrics(0.75), DateTimeOffset.UnixEpoch.AddDays(2));

        Assert.Equal(["m1", "m2", "m3"], [first.Model.Id, better.Model.Id, worse.Model.Id]);
        Assert.Equal([true, true, false], [first.Promoted, better.Promoted, worse.Promoted]);
        Assert.Equal("m2", (await store.Models.GetLiveAsync())!.Id);
        Assert.Equal(0.75, (await store.Models.GetAsync("m3"))!.Metrics["identificationTop1"]);
        Assert.NotNull(await store.Spaces.GetAsync(Space.Id));
        var (heads, manifest) = ModelFolder.Load(scratch.Path, worse.Model);
        Assert.Equal(Path.Combine(scratch.Path, "models", "m3"), worse.Directory);
        Assert.Equal(Space.Id, heads.EmbeddingSpaceId);
        Assert.Equal(0.75f, heads.Crop!.Bias);
        Assert.Equal("/sets/train", manifest.TrainDirectory);
    }

    [Fact]
    public void The_next_id_follows_the_highest_numbered_version()
    {
        ModelVersion Version(string id) => new(id, Space.Id, $"models/{id}", DateTimeOffset.UnixEpoch);

        Assert.Equal("m1", ModelPublisher.NextId([]));
        Assert.Equal("m10", ModelPublisher.NextId([Version("m2"), Version("m9"), Version("manual"), Version("m3")]));
    }

    [Fact]
    public void Promotion_compares_held_out_first_then_validation_and_never_crosses_spaces()
    {
        ModelVersion Version(string id, string space, Dictionary<string, double> metrics) =>
            new(id, space, $"models/{id}", DateTimeOffset.UnixEpoch, metrics);
        var live = Version("m1", Space.Id, new() { ["identificationTop1"] = 0.8, ["validation.identificationTop1"] = 0.9 });

        Assert.True(PromotionPolicy.Decide(live, null).Promote);
        Assert.True(PromotionPolicy.Decide(Version("m2", Space.Id, new() { ["identificationTop1"] = 0.81 }), live).Promote);
        Assert.False(PromotionPolicy.Decide(Version("m2", Space.Id, new() { ["identificationTop1"] = 0.8 }), live).Promote);
        Assert.True(PromotionPolicy.Decide(Version("m2", Space.Id, new() { ["validation.identificationTop1"] = 0.95 }), live).Promote);
        Assert.False(PromotionPolicy.Decide(Version("m2", "other-space", new() { ["identificationTop1"] = 1 }), live).Promote);
        Assert.False(PromotionPolicy.Decide(Version("m2", Space.Id, []), live).Promote);
    }

    private static Dictionary<string, double> Metrics(double top1) => new() { ["identificationTop1"] = top1 };

    private static TrainedHeads Trained(double marker)
    {
        var dimensions = BackboneGraph.FeatureDimensions;
        var identification = new IdentificationHead([new HeadClass("a/b", "A", "B"), HeadClass.NotHandbag], dimensions,
            new float[2 * dimensions], [0, 0]);
        var crop = new CropHead(new float[dimensions], (float)marker, CellNormalization.L2, new BoxRule());
        return new TrainedHeads(new HeadSet(Space.Id, identification, crop), Metrics(marker),
            new TrainingManifest { TrainDirectory = "/sets/train" });
    }
}
