using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Pursearch.Core.Money;
using Pursearch.SearchNode.Admin;
using Pursearch.SearchNode.Http;
using Pursearch.SearchNode.Imaging;
using Pursearch.SearchNode.Search;
using Pursearch.SearchNode.Shards;
using Pursearch.SearchNode.Telemetry;
using Pursearch.SearchNode.Vision;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Imaging;
using Scalar.AspNetCore;

namespace Pursearch.SearchNode.Hosting;

/// <summary>
/// Composes one search node: Kestrel with the body limit, the public API, the admin API, health, metrics, OpenAPI with
/// an interactive page (<c>/scalar</c>), the shopper page, and the background refresher. The caller owns the store and
/// the embedder (heavy, shared with other roles) and may add services, e.g. the admin operations of other roles.
/// </summary>
public static class SearchNodeApp
{
    public const string RateLimitPolicy = "public";

    public static WebApplication Build(NodeSettings settings, IStore store, ImageEmbedder embedder,
        Action<IServiceCollection>? configure = null, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
            ApplicationName = typeof(SearchNodeApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(settings.BindAddress), settings.HttpPort);
            // A search lowers this to the image limit before it reads; an upload refused from its Content-Length is
            // never read by the node, and Kestrel discards up to this much of it so the client can read the 413.
            kestrel.Limits.MaxRequestBodySize = DrainableBodyBytes(settings);
            kestrel.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        if (logging is null)
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        else
            logging(builder.Logging);
        AddServices(builder.Services, settings, store, embedder);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        Configure(app, settings);
        return app;
    }

    private static void AddServices(IServiceCollection services, NodeSettings settings, IStore store, ImageEmbedder embedder)
    {
        var layout = new DataLayout(settings.DataDirectory);
        var decoder = new ImageDecoder(DecodeLimits.Default with { MaxBytes = settings.MaxImageBytes });
        services.AddSingleton(settings).AddSingleton(settings.Search).AddSingleton(layout).AddSingleton(store)
            .AddSingleton(embedder).AddSingleton(decoder).AddSingleton(ExchangeRates.Default)
            .AddSingleton(_ => AdminToken.LoadOrCreate(layout.AdminTokenFile));
        services.AddSingleton<ShardLoader>().AddSingleton<LocalShardHost>().AddSingleton<GenerationBuilder>();
        services.TryAddSingleton<IShardHost>(sp => sp.GetRequiredService<LocalShardHost>());
        services.AddSingleton<LiveVision>().AddSingleton<ScatterGather>().AddSingleton<ResultMapper>()
            .AddSingleton<PhotoSearch>().AddSingleton<SimilarProducts>().AddSingleton<CatalogVocabulary>()
            .AddSingleton<SearchParameters>().AddSingleton(new UploadReader(decoder, settings.MaxImageBytes))
            .AddSingleton<Thumbnails>().AddSingleton<ExampleGallery>().AddSingleton<RetailerLabels>()
            .AddSingleton<NodeMetrics>().AddSingleton<NodeReadiness>().AddSingleton<OperationQueue>();
        services.AddSingleton<IAdminOperation, ReindexOperation>();
        services.AddHostedService<NodeRefresher>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.WriteIndented = false);
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(NodeMetrics.MeterName)
            .AddPrometheusExporter(o =>
            {
                // Every exported name starts pursearch_ (DESIGN §5): no target_info.
                o.TargetInfoEnabled = false;
                o.ScrapeResponseCacheDurationMilliseconds = 0;
            }));
        if (settings.RequestsPerMinute is { } perMinute)
            services.AddRateLimiter(o =>
            {
                o.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
                o.OnRejected = (context, _) => new ValueTask(Problems.WriteAsync(context.HttpContext,
                    StatusCodes.Status429TooManyRequests, Problems.RateLimited, "Too many requests",
                    $"at most {perMinute} requests per minute; try again shortly"));
            });
    }

    private static void Configure(WebApplication app, NodeSettings settings)
    {
        var metrics = app.Services.GetRequiredService<NodeMetrics>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pursearch.SearchNode.Http");
        app.Use((context, next) => RequestTiming.MeasureAsync(context, next, metrics));
        app.Use((context, next) => ProblemMapping.HandleAsync(context, () => next(context), logger));
        var page = new EmbeddedFileProvider(typeof(SearchNodeApp).Assembly, "Pursearch.SearchNode.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = page,
            OnPrepareResponse = f => f.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseRouting();
        if (settings.RequestsPerMinute is not null)
            app.UseRateLimiter();
        var api = app.MapGroup("/api/v1").WithTags("search");
        if (settings.RequestsPerMinute is not null)
            api.RequireRateLimiting(RateLimitPolicy);
        api.MapSearchApi().MapMediaApi();
        app.MapAdminApi().MapScrapeApi();
        app.MapHealth();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapFallback("/api/{**path}", (HttpContext context) =>
            Problems.Missing($"no API route {context.Request.Method} {context.Request.Path}"));
        app.Lifetime.ApplicationStarted.Register(() => Started(app, settings));
        app.Lifetime.ApplicationStopping.Register(() => Stopping(app, settings));
    }

    private static void Started(WebApplication app, NodeSettings settings)
    {
        app.Services.GetRequiredService<AdminToken>();
        if (settings.WriteNodeFile)
            new NodeFile(RunningNode.UrlOf(app), Environment.ProcessId, DateTimeOffset.UtcNow)
                .Write(app.Services.GetRequiredService<DataLayout>().NodeFile);
    }

    private static void Stopping(WebApplication app, NodeSettings settings)
    {
        if (settings.WriteNodeFile)
            NodeFile.RemoveOwn(app.Services.GetRequiredService<DataLayout>().NodeFile);
        app.Services.GetRequiredService<OperationQueue>().StopAsync().GetAwaiter().GetResult();
    }

    private static long DrainableBodyBytes(NodeSettings settings) => Math.Max(settings.MaxImageBytes * 4, 32L * 1024 * 1024);
}
