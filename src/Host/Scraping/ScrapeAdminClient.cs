using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Pursearch.Host.Admin;
using Pursearch.Host.Cli;

namespace Pursearch.Host.Scraping;

/// <summary>The node's scraping admin routes (<c>/api/v1/admin/sources</c>, <c>/scrapes</c>) with the bearer token;
/// problems the node answers become one-line <see cref="CliException"/>s.</summary>
public sealed class ScrapeAdminClient(NodeAddress node) : IDisposable
{
    private readonly HttpClient _http = Create(node);

    public Uri Url => node.Url;

    public Task<JsonElement> ListSourcesAsync(CancellationToken cancel) => SendAsync(HttpMethod.Get, "api/v1/admin/sources", null, cancel);

    public Task<JsonElement> AddSourceAsync(object source, CancellationToken cancel) =>
        SendAsync(HttpMethod.Post, "api/v1/admin/sources", JsonContent.Create(source), cancel);

    public Task<JsonElement> RemoveSourceAsync(string name, CancellationToken cancel) =>
        SendAsync(HttpMethod.Delete, $"api/v1/admin/sources/{Uri.EscapeDataString(name)}", null, cancel);

    public Task<JsonElement> RunAsync(string runId, CancellationToken cancel) =>
        SendAsync(HttpMethod.Get, $"api/v1/admin/scrapes/{Uri.EscapeDataString(runId)}", null, cancel);

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, HttpContent? body, CancellationToken cancel)
    {
        if (node.Token is null)
            throw new CliException($"no admin token: pass --token, set {NodeAddress.TokenVariable}, or run on the node's --data dir (admin.token)");
        using var request = new HttpRequestMessage(method, path) { Content = body };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancel);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"no node answers at {node.Url}: {e.Message}");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancel);
            var json = text.Length == 0 ? default : Parse(text, response);
            if (response.IsSuccessStatusCode)
                return json;
            var title = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("title", out var t) ? t.GetString() : response.ReasonPhrase;
            var detail = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("detail", out var d) ? d.GetString() : null;
            throw new CliException($"{(int)response.StatusCode} {title}{(detail is null ? "" : ": " + detail)}");
        }
    }

    private static JsonElement Parse(string text, HttpResponseMessage response)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new CliException($"the node answered {(int)response.StatusCode} with something that is not JSON");
        }
    }

    private static HttpClient Create(NodeAddress node)
    {
        var http = new HttpClient { BaseAddress = node.Url, Timeout = TimeSpan.FromMinutes(2) };
        if (node.Token is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", node.Token);
        return http;
    }
}
