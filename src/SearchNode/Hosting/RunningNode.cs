using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pursearch.SearchNode.Shards;

namespace Pursearch.SearchNode.Hosting;

/// <summary>A started search node: its URL, readiness, and an orderly stop.</summary>
public sealed class RunningNode : IAsyncDisposable
{
    private RunningNode(WebApplication app)
    {
        App = app;
        Url = UrlOf(app);
    }

    public WebApplication App { get; }
    public string Url { get; }
    public IServiceProvider Services => App.Services;

    public static async Task<RunningNode> StartAsync(WebApplication app, CancellationToken cancel = default)
    {
        await app.StartAsync(cancel);
        return new RunningNode(app);
    }

    /// <summary>Waits until a live generation is loaded; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancel = default)
    {
        var ready = Services.GetRequiredService<NodeReadiness>().Ready;
        var finished = await Task.WhenAny(ready, Task.Delay(timeout, cancel));
        return finished == ready;
    }

    public IShardHost Shards => Services.GetRequiredService<IShardHost>();

    public Task WaitForShutdownAsync(CancellationToken cancel) => App.WaitForShutdownAsync(cancel);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    internal static string UrlOf(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? app.Urls.FirstOrDefault()
            ?? throw new InvalidOperationException("the node listens on no address");
        return address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
