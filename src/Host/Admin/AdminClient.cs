using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Pursearch.Host.Cli;

namespace Pursearch.Host.Admin;

/// <summary>Talks to a node's HTTP API for operator commands: the admin routes with the bearer token, and search.
/// Problems the node answers become one-line <see cref="CliException"/>s.</summary>
public sealed class AdminClient(NodeAddress node) : IDisposable
{
    private readonly HttpClient _http = Create(node);

    public Uri Url => node.Url;

    public Task<JsonElement> StatusAsync(CancellationToken cancel) => GetAsync("api/v1/admin/status", admin: true, cancel);

    public async Task<JsonElement> StartAsync(string operation, object? arguments, CancellationToken cancel)
    {
        RequireToken();
        using var response = await SendAsync(() => _http.PostAsJsonAsync($"api/v1/admin/{operation}", arguments ?? new { }, cancel));
        return await ReadAsync(response, cancel);
    }

    public Task<JsonElement> OperationAsync(string id, CancellationToken cancel) =>
        GetAsync($"api/v1/admin/operations/{Uri.EscapeDataString(id)}", admin: true, cancel);

    /// <summary>Polls an operation until it ends, reporting each status seen.</summary>
    public async Task<JsonElement> WaitAsync(string id, Action<JsonElement> seen, CancellationToken cancel)
    {
        while (true)
        {
            var status = await OperationAsync(id, cancel);
            seen(status);
            if (status.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled")
                return status;
            await Task.Delay(500, cancel);
        }
    }

    public async Task<JsonElement> SearchAsync(byte[] photo, string fileName, string query, CancellationToken cancel)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "image", fileName);
        using var response = await SendAsync(() => _http.PostAsync($"api/v1/search{query}", form, cancel));
        return await ReadAsync(response, cancel);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> GetAsync(string path, bool admin, CancellationToken cancel)
    {
        if (admin)
            RequireToken();
        using var response = await SendAsync(() => _http.GetAsync(path, cancel));
        return await ReadAsync(response, cancel);
    }

    private void RequireToken()
    {
        if (node.Token is null)
            throw new CliException($"no admin token: pass --token, set {NodeAddress.TokenVariable}, or run on the node's --data dir (admin.token)");
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"no node answers at {node.Url}: {e.Message}");
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        var body = await response.Content.ReadAsStringAsync(cancel);
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new CliException($"the node answered {(int)response.StatusCode} with something that is not JSON");
        }
        if (response.IsSuccessStatusCode)
            return json;
        var title = json.TryGetProperty("title", out var t) ? t.GetString() : response.ReasonPhrase;
        var detail = json.TryGetProperty("detail", out var d) ? d.GetString() : null;
        throw new CliException($"{(int)response.StatusCode} {title}{(detail is null ? "" : ": " + detail)}");
    }

    private static HttpClient Create(NodeAddress node)
    {
        var http = new HttpClient { BaseAddress = node.Url, Timeout = TimeSpan.FromMinutes(2) };
        if (node.Token is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", node.Token);
        return http;
    }
}
