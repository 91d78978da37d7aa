using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Pursearch.SearchNode.Admin;
using Pursearch.SearchNode.Hosting;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Tests.World;

/// <summary>A real node (Kestrel on 127.0.0.1, a free port) over a private copy of the small world.</summary>
public sealed class TestNode : IAsyncDisposable
{
    private TestNode(RunningNode node, IStore store, string dataDirectory)
    {
        Node = node;
        Store = store;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri(node.Url), Timeout = TimeSpan.FromSeconds(60) };
    }

    public RunningNode Node { get; }
    public IStore Store { get; }
    public string DataDirectory { get; }
    public HttpClient Http { get; }

    public static async Task<TestNode> StartAsync(SmallWorld world, Func<NodeSettings, NodeSettings>? tune = null,
        Action<IServiceCollection>? services = null, string? dataDirectory = null)
    {
        var data = dataDirectory ?? world.Copy();
        var store = await SmallWorld.OpenStoreAsync(data);
        var settings = new NodeSettings { DataDirectory = data, HttpPort = 0, FollowInterval = TimeSpan.FromMilliseconds(200) };
        var app = SearchNodeApp.Build(tune?.Invoke(settings) ?? settings, store, world.Embedder, services);
        var node = await RunningNode.StartAsync(app);
        if (!await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)))
            throw new TimeoutException("the test node did not get ready in 60 s");
        return new TestNode(node, store, data);
    }

    public HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = Http.BaseAddress };
        var token = Node.Services.GetRequiredService<AdminToken>().Value;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Node.DisposeAsync();
        await Store.DisposeAsync();
    }
}
