using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pursearch.Indexer.Tests.Crawling;

/// <summary>One request as the test site saw it: when it arrived, what it asked, what it answered (0 while unanswered).</summary>
public sealed record LoggedRequest(TimeSpan Arrived, string PathAndQuery, string? UserAgent, string? IfNoneMatch)
{
    public int Status { get; set; }
}

/// <summary>A Kestrel server on 127.0.0.1 (port 0) that logs every request, for end-to-end crawls.</summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<LoggedRequest> _log = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private TestSite(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<LoggedRequest> Requests => _log.OrderBy(r => r.Arrived).ToList();

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    public int CountOf(string pathAndQuery) => Requests.Count(r => r.PathAndQuery == pathAndQuery);

    public static async Task<TestSite> StartAsync(Func<HttpContext, TestSite, Task> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new TestSite(app);
        app.Use(async (context, next) =>
        {
            var logged = new LoggedRequest(site._clock.Elapsed, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.UserAgent, context.Request.Headers.IfNoneMatch);
            site._log.Enqueue(logged);
            await next(context);
            logged.Status = context.Response.StatusCode;
        });
        app.Run(context => handle(context, site));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1"));
        await site.WarmUpAsync();
        return site;
    }

    /// <summary>
    /// Serves one request outside the log first: the server's first request in a fresh process pays for JIT and would
    /// otherwise skew the arrival times the politeness assertions measure.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(BaseUri, "/__warm-up"));
        _log.Clear();
    }

    /// <summary>
    /// The shortest time in which <paramref name="count"/> consecutive requests arrived (robots.txt included). Over a
    /// window, one request the server happened to read late cannot hide or fake a rate.
    /// </summary>
    public TimeSpan ShortestSpan(int count)
    {
        var arrivals = Requests.Select(r => r.Arrived).ToList();
        return Enumerable.Range(0, Math.Max(0, arrivals.Count - count + 1))
            .Select(i => arrivals[i + count - 1] - arrivals[i])
            .DefaultIfEmpty(TimeSpan.MaxValue)
            .Min();
    }

    /// <summary>Each request with the time since the one before it arrived.</summary>
    public IEnumerable<(LoggedRequest Request, TimeSpan Gap)> Gaps()
    {
        var requests = Requests;
        return requests.Zip(requests.Skip(1), (a, b) => (b, b.Arrived - a.Arrived));
    }

    public string DescribeGaps() =>
        string.Join(", ", Gaps().Select(g => $"{g.Request.PathAndQuery} +{g.Gap.TotalMilliseconds:0}ms"));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
