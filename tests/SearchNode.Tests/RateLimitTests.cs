using System.Net;
using Pursearch.SearchNode.Tests.World;

namespace Pursearch.SearchNode.Tests;

[Collection(NodeCollection.Name)]
public sealed class RateLimitTests(SmallWorld world)
{
    [Fact]
    public async Task A_configured_rate_limit_answers_429_rate_limited_and_health_stays_open()
    {
        await using var node = await TestNode.StartAsync(world, settings => settings with { RequestsPerMinute = 2 });

        var first = await node.Http.GetAsync("/api/v1/facets");
        var second = await node.Http.GetAsync("/api/v1/facets");
        var third = await node.Http.GetAsync("/api/v1/facets");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await Requests.AssertProblemAsync(third, 429, "rate-limited");
        Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Rate_limiting_is_off_by_default()
    {
        var node = await world.SharedNodeAsync();

        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/api/v1/examples")).StatusCode);
    }
}
