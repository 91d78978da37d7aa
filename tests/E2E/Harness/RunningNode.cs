using System.Net;
using System.Net.Sockets;

namespace Pursearch.E2E.Harness;

/// <summary><c>pursearch up --data DIR --http-port P</c> as a child process, ready (<c>/readyz</c> answers 200) once
/// started; disposing it kills its process tree and deletes its data dir.</summary>
public sealed class RunningNode : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess _process;
    private readonly string _data;

    private RunningNode(ChildProcess process, string data, Uri url)
    {
        _process = process;
        _data = data;
        Url = url;
    }

    public Uri Url { get; }
    public string Output => _process.Output;

    public static async Task<RunningNode> StartAsync(RepositoryLayout repo, string data)
    {
        var port = FreePort();
        var process = ChildProcess.StartHost(repo, "up", "--data", data, "--http-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var node = new RunningNode(process, data, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await node.WaitUntilReadyAsync();
            return node;
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _process.Dispose();
        if (Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"pursearch up exited {_process.ExitCode} before it was ready:\n{Output}");
            try
            {
                using var response = await http.GetAsync("readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"pursearch up was not ready at {Url}readyz within {ReadyTimeout}:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
