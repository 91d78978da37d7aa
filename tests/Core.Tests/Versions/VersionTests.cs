using Pursearch.Core;
using Pursearch.Core.Scraping;
using Pursearch.Core.Versions;

namespace Pursearch.Core.Tests.Versions;

public class VersionTests
{
    [Fact]
    public void Shard_entity_ids_are_generation_slash_shard()
    {
        var g = new IndexGeneration("g3", "resnet18-224", 8, GenerationState.Building, DateTimeOffset.UnixEpoch);
        Assert.Equal("g3/7", g.ShardEntityId(7));
        Assert.Throws<DomainException>(() => g.ShardEntityId(8));
    }

    [Theory]
    [InlineData("g/3")]
    [InlineData("")]
    [InlineData("-g")]
    public void Ids_must_be_path_safe(string id)
    {
        var e = Assert.Throws<DomainException>(() =>
            new IndexGeneration(id, "s", 8, GenerationState.Building, DateTimeOffset.UnixEpoch));
        Assert.Equal("generation", e.Field);
    }

    [Fact]
    public void Embedding_space_dimensions_must_be_positive()
    {
        var e = Assert.Throws<DomainException>(() => new EmbeddingSpace("s1", "resnet18", "bgr-mean", 0));
        Assert.Equal("dimensions", e.Field);
    }

    [Fact]
    public void Scrape_run_cannot_finish_before_it_starts()
    {
        var e = Assert.Throws<DomainException>(() => new ScrapeRun("r1", "rue", DateTimeOffset.UnixEpoch.AddDays(1),
            ScrapeRunStatus.Succeeded, DateTimeOffset.UnixEpoch));
        Assert.Equal("finishedAt", e.Field);
    }

    [Fact]
    public void Model_metrics_are_kept_sorted_and_readable()
    {
        var m = new ModelVersion("m1", "s1", "models/m1", DateTimeOffset.UnixEpoch,
            new Dictionary<string, double> { ["top1"] = 0.9, ["iou"] = 0.7 });
        Assert.Equal(["iou", "top1"], m.Metrics.Keys);
    }
}
