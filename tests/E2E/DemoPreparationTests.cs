using Pursearch.E2E.Harness;

namespace Pursearch.E2E;

/// <summary>What <c>up --demo</c> leaves in its data dir: a catalog crawled from the demo shops, the shipped heads live,
/// and an incremental re-crawl on the next start.</summary>
public sealed class DemoPreparationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_catalog_is_crawled_from_four_shops_and_a_second_start_embeds_nothing()
    {
        var repo = RepositoryLayout.FromTestAssembly();
        var data = DemoDataCache.CopyOf(await new DemoDataCache(repo).EnsurePreparedAsync());
        try
        {
            var sources = CommandOutput.Json(await ChildProcess.RunHostAsync(repo, Timeout, "source", "list", "--data", data, "--json"));
            Assert.Equal(["demo-harlow", "demo-marlowe", "demo-rue", "demo-saint-clair"],
                sources.EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order());
            Assert.All(sources.EnumerateArray(), s =>
                Assert.StartsWith("http://127.0.0.1:860", s.GetProperty("startUrls")[0].GetString()));
            var before = await ChildProcess.RunHostAsync(repo, Timeout, "store", "info", "--data", data);
            Assert.StartsWith("150 ", CommandOutput.Field(before, "products"));
            Assert.Equal("resnet18-sq224-v1: 150", CommandOutput.Field(before, "embeddings"));
            Assert.Equal("4", CommandOutput.Field(before, "scrape runs"));
            Assert.Equal("1 (live: m1)", CommandOutput.Field(before, "model versions"));

            var again = await ChildProcess.RunHostAsync(repo, Timeout, "up", "--demo", "--prepare-only", "--data", data);

            Assert.Contains("demo: 150 products crawled from 4 shops, 0 images embedded now", again);
            var after = await ChildProcess.RunHostAsync(repo, Timeout, "store", "info", "--data", data);
            Assert.Equal("8", CommandOutput.Field(after, "scrape runs"));
            Assert.Equal("resnet18-sq224-v1: 150", CommandOutput.Field(after, "embeddings"));
            Assert.Equal("1 (live: m1)", CommandOutput.Field(after, "model versions"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
