using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Pursearch.SearchNode.Hosting;
using Pursearch.SearchNode.Tests.World;

namespace Pursearch.SearchNode.Tests;

[Collection(NodeCollection.Name)]
public sealed class AdminApiTests(SmallWorld world)
{
    [Fact]
    public async Task Admin_routes_need_the_token_from_the_data_dir()
    {
        var node = await world.SharedNodeAsync();
        using var wrong = new HttpClient { BaseAddress = node.Http.BaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token-at-all");

        await Requests.AssertProblemAsync(await node.Http.GetAsync("/api/v1/admin/status"), 401, "unauthorized");
        await Requests.AssertProblemAsync(await wrong.GetAsync("/api/v1/admin/status"), 401, "unauthorized");
        await Requests.AssertProblemAsync(await node.Http.PostAsync("/api/v1/admin/reindex", null), 401, "unauthorized");
        var tokenFile = new DataLayout(node.DataDirectory).AdminTokenFile;
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        using var right = new HttpClient { BaseAddress = node.Http.BaseAddress };
        right.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(tokenFile).Trim());
        Assert.Equal(HttpStatusCode.OK, (await right.GetAsync("/api/v1/admin/status")).StatusCode);
    }

    [Fact]
    public async Task Status_shows_the_store_live_versions_and_shard_sizes()
    {
        var node = await world.SharedNodeAsync();
        using var admin = node.AdminClient();

        var status = await Requests.GetJsonAsync(admin, "/api/v1/admin/status");

        Assert.Equal(SmallWorld.Products, status.GetProperty("store").GetProperty("products").GetInt64());
        Assert.Equal("g1", status.GetProperty("liveGeneration").GetString());
        Assert.Equal("m1", status.GetProperty("modelVersion").GetString());
        var shards = status.GetProperty("shards").EnumerateArray().ToList();
        Assert.Equal(8, shards.Count);
        Assert.Equal(SmallWorld.Products, shards.Sum(s => s.GetProperty("vectors").GetInt32()));
        Assert.Contains("reindex", status.GetProperty("operations").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task Reindex_runs_in_the_background_with_progress_and_the_node_switches_to_the_new_generation()
    {
        await using var node = await TestNode.StartAsync(world);
        using var admin = node.AdminClient();

        using var started = await admin.PostAsync("/api/v1/admin/reindex", JsonContent("{\"shards\": 4}"));
        var operation = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        var finished = await WaitForAsync(admin, started.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("reindex", operation.GetProperty("name").GetString());
        Assert.Equal("succeeded", finished.GetProperty("state").GetString());
        Assert.Equal(100, finished.GetProperty("percent").GetDouble());
        Assert.Contains("g2", finished.GetProperty("result").GetString());
        var ready = await EventuallyAsync(node, "g2");
        Assert.Equal(4, ready.GetProperty("shards").GetInt32());
        var r = await Requests.SearchAsync(node.Http, world.StreetPhotos[0]);
        Assert.Equal("g2", r.GetProperty("generation").GetString());
        Assert.Equal(4, r.GetProperty("plan").GetProperty("hnsw").GetInt32() + r.GetProperty("plan").GetProperty("exact").GetInt32());
        await Requests.AssertProblemAsync(await admin.PostAsync("/api/v1/admin/no-such-thing", null), 404, "not-found");
        await Requests.AssertProblemAsync(await admin.PostAsync("/api/v1/admin/reindex", JsonContent("[1,2]")), 400, "invalid-parameter");
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task<JsonElement> WaitForAsync(HttpClient admin, string url)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await Requests.GetJsonAsync(admin, url);
            if (status.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled")
                return status;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{url} did not finish in 30 s");
    }

    private static async Task<JsonElement> EventuallyAsync(TestNode node, string generation)
    {
        for (var i = 0; i < 100; i++)
        {
            var ready = await Requests.GetJsonAsync(node.Http, "/readyz");
            if (ready.GetProperty("generation").GetString() == generation)
                return ready;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the node did not switch to {generation}");
    }
}
