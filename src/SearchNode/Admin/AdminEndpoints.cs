using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pursearch.SearchNode.Http;
using Pursearch.SearchNode.Shards;
using Pursearch.SearchNode.Vision;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Admin;

/// <summary>What <c>GET /api/v1/admin/status</c> answers: the store, what is live, shard sizes and recent operations.</summary>
public sealed record AdminStatus(
    StoreOverview Store, string? LiveGeneration, string? ModelVersion, IReadOnlyList<ShardStatus> Shards,
    IReadOnlyList<string> Operations, IReadOnlyList<OperationStatus> Recent);

/// <summary>The admin API under <c>/api/v1/admin</c>, every route behind the bearer token of <c>{data}/admin.token</c>.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").AddEndpointFilter(RequireTokenAsync).WithTags("admin");
        admin.MapGet("/status", StatusAsync).WithName("admin-status").WithSummary("Store overview, live generation and model, shard sizes")
            .Produces<AdminStatus>();
        admin.MapGet("/operations", (OperationQueue queue) => TypedResults.Ok(queue.List()))
            .WithName("admin-operations").WithSummary("Recent operations, newest first");
        admin.MapGet("/operations/{id}", (string id, OperationQueue queue) =>
                queue.Get(id) is { } status ? Results.Ok(status) : Problems.Missing($"no operation '{id}'"))
            .WithName("admin-operation").WithSummary("One operation's state and progress").Produces<OperationStatus>();
        admin.MapPost("/{operation}", StartAsync)
            .WithName("admin-start").WithSummary("Start an operation (ingest, train, reindex) in the background")
            .Produces<OperationStatus>(StatusCodes.Status202Accepted).DisableAntiforgery();
        return admin;
    }

    private static async ValueTask<object?> RequireTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var token = context.HttpContext.RequestServices.GetRequiredService<AdminToken>();
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (!token.Matches(presented))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Result(StatusCodes.Status401Unauthorized, Problems.Unauthorized, "Unauthorized",
                "send 'Authorization: Bearer TOKEN' with the token from the node's admin.token file");
        }
        return await next(context);
    }

    private static async Task<IResult> StatusAsync(IStore store, IShardHost shards, LiveVision vision,
        IEnumerable<IAdminOperation> operations, OperationQueue queue, CancellationToken cancel)
    {
        var overview = await store.DescribeAsync(cancel);
        return TypedResults.Ok(new AdminStatus(overview, shards.LiveGeneration?.Id, vision.Current.ModelVersion, shards.Status(),
            [.. operations.Select(o => o.Name).Order(StringComparer.Ordinal)], [.. queue.List().Take(10)]));
    }

    private static async Task<IResult> StartAsync(string operation, HttpRequest request, IEnumerable<IAdminOperation> operations,
        OperationQueue queue, CancellationToken cancel)
    {
        var known = operations.FirstOrDefault(o => o.Name.Equals(operation, StringComparison.OrdinalIgnoreCase))
            ?? throw new Search.ResourceNotFoundException(
                $"no admin operation '{operation}'; this node runs: {string.Join(", ", operations.Select(o => o.Name))}");
        var arguments = await ArgumentsAsync(request, cancel);
        var status = queue.Start(known, arguments);
        return TypedResults.Accepted($"/api/v1/admin/operations/{status.Id}", status);
    }

    private static async Task<JsonElement> ArgumentsAsync(HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Body.CanSeek && request.ContentType is null))
            return JsonDocument.Parse("{}").RootElement;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancel);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new InvalidParameterException("body", "must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidParameterException("body", $"is not JSON: {e.Message}");
        }
    }
}
