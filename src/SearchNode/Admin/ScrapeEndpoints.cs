using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pursearch.Core.Scraping;
using Pursearch.SearchNode.Http;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Admin;

/// <summary>A source as the admin API shows it.</summary>
public sealed record SourceView(
    string Name, string Retailer, IReadOnlyList<string> StartUrls, IReadOnlyList<string> AllowedHosts, double RequestsPerSecond,
    int MaxPages, bool AllowPrivate, string? Schedule, DateTimeOffset CreatedAt)
{
    public static SourceView Of(ScrapeSource s) => new(s.Name, s.Retailer, [.. s.StartUrls.Select(u => u.AbsoluteUri)],
        s.AllowedHosts, s.RequestsPerSecond, s.MaxPages, s.AllowPrivate, s.Schedule, s.CreatedAt);
}

/// <summary>What <c>POST /api/v1/admin/sources</c> takes; unset settings get the source defaults.</summary>
public sealed record SourceRequest(
    string? Name, string? Retailer, IReadOnlyList<string>? StartUrls, IReadOnlyList<string>? AllowedHosts = null,
    double? RequestsPerSecond = null, int? MaxPages = null, bool AllowPrivate = false, string? Schedule = null)
{
    public ScrapeSource ToSource()
    {
        var urls = (StartUrls ?? []).Select(url => Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            ? parsed
            : throw new InvalidParameterException("startUrls", $"'{url}' is not an absolute URL")).ToList();
        return new ScrapeSource(Name!, Retailer!, urls, AllowedHosts, RequestsPerSecond ?? 1, MaxPages ?? 10_000, AllowPrivate, Schedule);
    }
}

/// <summary>A scrape run as the admin API shows it: status, counters and the first errors.</summary>
public sealed record ScrapeRunView(
    string Id, string Source, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    IReadOnlyDictionary<string, long> Counters, IReadOnlyList<ScrapeError> Errors)
{
    public static ScrapeRunView Of(ScrapeRun run) => new(run.Id, run.Source, run.Status.ToString().ToLowerInvariant(), run.StartedAt,
        run.FinishedAt, run.Counters, run.Errors);
}

/// <summary>
/// The scraping part of the admin API: <c>GET|POST /sources</c>, <c>DELETE /sources/{name}</c>, <c>GET /scrapes</c>
/// (newest first, <c>?source=</c>) and <c>GET /scrapes/{id}</c>. Scrapes themselves start as the <c>scrape</c> operation
/// (<c>POST /api/v1/admin/scrape {"source": NAME}</c>), which the host provides.
/// </summary>
public static class ScrapeEndpoints
{
    public static RouteGroupBuilder MapScrapeApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/sources", async (IStore store, CancellationToken cancel) =>
                TypedResults.Ok((await ScrapeState.Of(store).Sources.ListAsync(cancel)).Select(SourceView.Of)))
            .WithName("admin-sources").WithSummary("Registered scrape sources");
        admin.MapPost("/sources", AddSourceAsync)
            .WithName("admin-source-add").WithSummary("Register a scrape source").Produces<SourceView>(StatusCodes.Status201Created)
            .DisableAntiforgery();
        admin.MapDelete("/sources/{name}", async (string name, IStore store, CancellationToken cancel) =>
                await ScrapeState.Of(store).Sources.RemoveAsync(name, cancel)
                    ? Results.NoContent()
                    : Problems.Missing($"no source '{name}'"))
            .WithName("admin-source-remove").WithSummary("Remove a scrape source and its page states (its products stay)");
        admin.MapGet("/scrapes", async (string? source, int? limit, IStore store, CancellationToken cancel) =>
                TypedResults.Ok((await store.ScrapeRuns.ListAsync(source, Math.Clamp(limit ?? 20, 1, 1000), cancel)).Select(ScrapeRunView.Of)))
            .WithName("admin-scrapes").WithSummary("Scrape runs, newest first");
        admin.MapGet("/scrapes/{id}", async (string id, IStore store, CancellationToken cancel) =>
                await store.ScrapeRuns.GetAsync(id, cancel) is { } run ? Results.Ok(ScrapeRunView.Of(run)) : Problems.Missing($"no scrape run '{id}'"))
            .WithName("admin-scrape").WithSummary("One scrape run: status, counters, errors").Produces<ScrapeRunView>();
        return admin;
    }

    private static async Task<IResult> AddSourceAsync(SourceRequest request, IStore store, CancellationToken cancel)
    {
        var source = request.ToSource();
        try
        {
            await ScrapeState.Of(store).Sources.AddAsync(source, cancel);
        }
        catch (StoreConflictException e)
        {
            return Problems.Result(StatusCodes.Status409Conflict, "conflict", "Conflict", e.Message);
        }
        return TypedResults.Created($"/api/v1/admin/sources/{source.Name}", SourceView.Of(source));
    }
}
