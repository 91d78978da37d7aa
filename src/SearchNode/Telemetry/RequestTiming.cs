using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Pursearch.SearchNode.Telemetry;

/// <summary>Records every request's duration by route template (never the raw path, so ids do not explode the series).</summary>
public static class RequestTiming
{
    public static async Task MeasureAsync(HttpContext context, RequestDelegate next, NodeMetrics metrics)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "other";
            metrics.Request(route, context.Request.Method, context.Response.StatusCode, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }
}
