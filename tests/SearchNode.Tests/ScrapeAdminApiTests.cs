using System.Net;
using System.Net.Http.Json;
using Pursearch.Core.Scraping;
using Pursearch.SearchNode.Tests.World;

namespace Pursearch.SearchNode.Tests;

[Collection(NodeCollection.Name)]
public sealed class ScrapeAdminApiTests(SmallWorld world)
{
    [Fact]
    public async Task Sources_are_added_listed_refused_twice_and_removed_through_the_admin_api()
    {
        var node = await world.SharedNodeAsync();
        using var admin = node.AdminClient();
        var name = $"shop-{Guid.NewGuid():N}"[..20];
        var body = new
        {
            name, retailer = "rue", startUrls = new[] { "http://127.0.0.1:8600/" }, allowedHosts = new[] { "127.0.0.1:8600" },
            requestsPerSecond = 5.0, maxPages = 200, allowPrivate = true, schedule = "0 3 * * *",
        };

        using var added = await admin.PostAsJsonAsync("/api/v1/admin/sources", body);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var listed = (await Requests.GetJsonAsync(admin, "/api/v1/admin/sources")).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == name);
        Assert.Equal("rue", listed.GetProperty("retailer").GetString());
        Assert.Equal("http://127.0.0.1:8600/", listed.GetProperty("startUrls")[0].GetString());
        Assert.Equal(5.0, listed.GetProperty("requestsPerSecond").GetDouble());
        Assert.Equal("0 3 * * *", listed.GetProperty("schedule").GetString());
        await Requests.AssertProblemAsync(await admin.PostAsJsonAsync("/api/v1/admin/sources", body), 409, "conflict");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/sources/{name}")).StatusCode);
        await Requests.AssertProblemAsync(await admin.DeleteAsync($"/api/v1/admin/sources/{name}"), 404, "not-found");
        await Requests.AssertProblemAsync(await node.Http.GetAsync("/api/v1/admin/sources"), 401, "unauthorized");
    }

    [Fact]
    public async Task Bad_sources_are_refused_naming_the_field()
    {
        var node = await world.SharedNodeAsync();
        using var admin = node.AdminClient();

        var notUrl = await Requests.AssertProblemAsync(await admin.PostAsJsonAsync("/api/v1/admin/sources",
            new { name = "bad-url", retailer = "rue", startUrls = new[] { "not a url" } }), 400, "invalid-parameter");
        var badRate = await Requests.AssertProblemAsync(await admin.PostAsJsonAsync("/api/v1/admin/sources",
            new { name = "bad-rate", retailer = "rue", startUrls = new[] { "http://a.example/" }, requestsPerSecond = -1 }), 400, "invalid-parameter");

        Assert.Contains("startUrls", notUrl.GetProperty("detail").GetString());
        Assert.Contains("requestsPerSecond", badRate.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Scrape_runs_are_listed_newest_first_with_counters_and_errors()
    {
        var node = await world.SharedNodeAsync();
        using var admin = node.AdminClient();
        var source = $"runs-{Guid.NewGuid():N}"[..16];
        var error = new ScrapeError("http-5xx", "http://shop.example/broken", "500 Internal Server Error", DateTimeOffset.UtcNow);
        await node.Store.ScrapeRuns.StartAsync(new ScrapeRun($"{source}-1", source, DateTimeOffset.UtcNow.AddMinutes(-2)));
        await node.Store.ScrapeRuns.FinishAsync($"{source}-1", ScrapeRunStatus.Succeeded, DateTimeOffset.UtcNow.AddMinutes(-1));
        await node.Store.ScrapeRuns.StartAsync(new ScrapeRun($"{source}-2", source, DateTimeOffset.UtcNow,
            counters: new Dictionary<string, long> { ["pages.fetched"] = 12 }, errors: [error]));

        var runs = (await Requests.GetJsonAsync(admin, $"/api/v1/admin/scrapes?source={source}")).EnumerateArray().ToList();
        var latest = await Requests.GetJsonAsync(admin, $"/api/v1/admin/scrapes/{source}-2");

        Assert.Equal([$"{source}-2", $"{source}-1"], runs.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["running", "succeeded"], runs.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(12, latest.GetProperty("counters").GetProperty("pages.fetched").GetInt64());
        Assert.Equal("http-5xx", latest.GetProperty("errors")[0].GetProperty("kind").GetString());
        await Requests.AssertProblemAsync(await admin.GetAsync("/api/v1/admin/scrapes/nothing-here"), 404, "not-found");
    }
}
