using System.Net.Http.Headers;
using System.Text.Json;

namespace Pursearch.SearchNode.Tests.World;

/// <summary>Builds search requests and reads their JSON answers.</summary>
internal static class Requests
{
    public static MultipartFormDataContent Photo(byte[] bytes, string fileName = "photo.jpg", string contentType = "image/jpeg",
        params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "image", fileName);
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        return form;
    }

    public static async Task<JsonElement> SearchAsync(HttpClient http, byte[] photo, string query = "")
    {
        using var response = await http.PostAsync($"/api/v1/search{query}", Photo(photo));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"search{query} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a DESIGN §5 problem: problem+json, the status, the type URI of the slug, no stack trace.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string slug)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status} {slug}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal($"https://pursearch.dev/problems/{slug}", problem.GetProperty("type").GetString());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return problem;
    }
}
