using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pursearch.Forge.World;

namespace Pursearch.Forge.Sites;

/// <summary>One running Forge shop: a Kestrel server of its own (its own port, so its own host for a crawler) answering
/// through a <see cref="ShopRequestHandler"/> and logging every request.</summary>
public sealed class ShopSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ShopRequestHandler _handler;

    private ShopSite(WebApplication app, ShopRequestHandler handler, Uri baseUri)
    {
        _app = app;
        _handler = handler;
        BaseUri = baseUri;
    }

    public Retailer Retailer => _handler.Retailer;
    public ShopLayout Layout => _handler.Layout;
    public FaultPlan Faults => _handler.Faults;

    /// <summary>Where the shop answers, e.g. <c>http://127.0.0.1:5001/</c>.</summary>
    public Uri BaseUri { get; }

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>Fires when the shop's host begins to stop (e.g. the process got SIGTERM).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public static async Task<ShopSite> StartAsync(ShopRequestHandler handler, ForgeSiteOptions options, int port, RequestLog log,
        CancellationToken cancel)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(options.BindAddress, port);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var slug = handler.Retailer.Slug;
        app.Use(async (context, next) =>
        {
            var at = DateTimeOffset.UtcNow;
            var elapsed = log.Elapsed;
            try
            {
                await next(context);
            }
            finally
            {
                log.Add(new LoggedRequest(at, elapsed, slug, context.Request.Host.Value ?? "", context.Request.Method,
                    context.Request.Path + context.Request.QueryString, context.Response.StatusCode,
                    context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null));
            }
        });
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancel);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUri = new Uri(address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        return new ShopSite(app, handler, baseUri);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
