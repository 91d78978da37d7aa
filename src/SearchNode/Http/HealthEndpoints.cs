using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pursearch.SearchNode.Shards;
using Pursearch.SearchNode.Vision;

namespace Pursearch.SearchNode.Http;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: a live generation is known and its shards are loaded.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" })).WithName("healthz").WithSummary("The process is alive");
        app.MapGet("/readyz", (IShardHost shards, LiveVision vision) =>
            {
                if (shards.LiveGeneration is not { } generation)
                    return Problems.Result(StatusCodes.Status503ServiceUnavailable, Problems.Unavailable, "Not ready",
                        "no index generation is live and loaded yet");
                var status = shards.Status();
                return TypedResults.Ok(new ReadyResponse("ready", generation.Id, vision.Current.ModelVersion, status.Count,
                    status.Sum(s => (long)s.Vectors)));
            })
            .WithName("readyz").WithSummary("The node can answer searches")
            .Produces<ReadyResponse>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
