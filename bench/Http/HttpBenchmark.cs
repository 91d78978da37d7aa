using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pursearch.Core.Search;
using Pursearch.SearchNode.Hosting;
using Pursearch.SearchNode.Search;
using Pursearch.Storage;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Pipeline;

namespace Pursearch.Bench.Http;

/// <summary>
/// Photo search over HTTP against a node (in-process on loopback, or <see cref="HttpBenchmarkOptions.Url"/>), and the
/// same photos through the node's search service directly (decode, crop, embed, identify, scatter-gather; no HTTP),
/// one after the other so the two never compete; p50/p99 per stage and the HTTP/direct ratio.
/// </summary>
public static class HttpBenchmark
{
    public static readonly string[] Stages = ["decode", "crop", "embed", "identify", "search", "total"];

    public static async Task<HttpBenchmarkResult> RunAsync(HttpBenchmarkOptions options, Action<string> log, CancellationToken cancel)
    {
        var layout = new DataLayout(options.DataDirectory);
        var photos = HeldOutPhotos(layout, options.Requests);
        await using var store = await StoreFactory.OpenAsync(StoreUri.Default(layout.Root), new StoreOptions(layout.Root),
            createIfMissing: false, cancel);
        using var embedder = ImageEmbedder.Create(new EmbedderOptions
        {
            Inference = new InferenceOptions { IntraOpThreads = options.Threads, InterOpThreads = 1 },
        });
        var settings = new NodeSettings { DataDirectory = layout.Root, HttpPort = 0, WriteNodeFile = false };
        await using var node = await RunningNode.StartAsync(SearchNodeApp.Build(settings, store, embedder), cancel);
        if (!await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), cancel))
            throw new InvalidOperationException($"no index generation is live in {layout.Root}: run 'pursearch up --demo --prepare-only' first");
        var url = (options.Url ?? node.Url).TrimEnd('/');
        log($"{photos.Count} held-out photos, {options.Requests} requests against {url}, {options.Threads} inference threads");
        using var http = new HttpClient { BaseAddress = new Uri(url + "/"), Timeout = TimeSpan.FromMinutes(1) };
        var search = node.Services.GetRequiredService<PhotoSearch>();

        for (var i = 0; i < options.Warmup; i++)
        {
            await OverHttpAsync(http, photos[i % photos.Count], cancel);
            await DirectAsync(search, photos[i % photos.Count], cancel);
        }
        // Alternating the two paths request by request keeps a change in machine load from favouring either.
        var httpRuns = new List<(SearchTimings Server, double WallMs)>();
        var direct = new List<SearchTimings>();
        var failures = 0;
        for (var i = 0; i < options.Requests; i++)
        {
            var photo = photos[i % photos.Count];
            var run = await OverHttpAsync(http, photo, cancel);
            if (run is null)
                failures++;
            else
                httpRuns.Add(run.Value);
            direct.Add(await DirectAsync(search, photo, cancel));
            if ((i + 1) % 25 == 0)
                log($"{i + 1}/{options.Requests} photos searched both ways");
        }
        if (httpRuns.Count == 0)
            throw new InvalidOperationException($"every HTTP request to {url} failed");
        var wall = Percentiles("client wall", httpRuns.Select(r => r.WallMs));
        var baselineTotal = Percentiles("total", direct.Select(d => d.Total));
        var ready = JsonDocument.Parse(await http.GetStringAsync("readyz", cancel)).RootElement;
        return new HttpBenchmarkResult(url, ready.GetProperty("generation").GetString()!,
            ready.TryGetProperty("modelVersion", out var m) ? m.GetString() : null, options.Requests, photos.Count, options.Threads,
            [.. Stages.Select(s => Percentiles(s, httpRuns.Select(r => r.Server.Of(s))))], wall,
            [.. Stages.Select(s => Percentiles(s, direct.Select(d => d.Of(s))))],
            Math.Round(wall.P50Ms / baselineTotal.P50Ms, 3), Math.Round(wall.P99Ms / baselineTotal.P99Ms, 3), failures);
    }

    private static List<byte[]> HeldOutPhotos(DataLayout layout, int wanted)
    {
        if (!Directory.Exists(layout.HeldOutDirectory))
            throw new InvalidOperationException($"no held-out photos in {layout.HeldOutDirectory}: run 'pursearch up --demo --prepare-only' first");
        var files = Directory.EnumerateFiles(layout.HeldOutDirectory, "*.jpg", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}_none{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Take(wanted).ToList();
        return files.Count > 0
            ? [.. files.Select(File.ReadAllBytes)]
            : throw new InvalidOperationException($"no held-out street photos under {layout.HeldOutDirectory}");
    }

    private static async Task<(SearchTimings, double)?> OverHttpAsync(HttpClient http, byte[] photo, CancellationToken cancel)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "image", "photo.jpg");
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync("api/v1/search?crop=auto", form, cancel);
        var body = await response.Content.ReadAsStringAsync(cancel);
        var wall = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            return null;
        var t = JsonDocument.Parse(body).RootElement.GetProperty("timingsMs");
        return (new SearchTimings(t.GetProperty("decode").GetDouble(), t.GetProperty("crop").GetDouble(), t.GetProperty("embed").GetDouble(),
            t.GetProperty("identify").GetDouble(), t.GetProperty("search").GetDouble(), t.GetProperty("total").GetDouble()), wall);
    }

    private static async Task<SearchTimings> DirectAsync(PhotoSearch search, byte[] photo, CancellationToken cancel)
    {
        var answer = await search.SearchAsync(photo, new SearchRequest(CropMode.Auto, SearchFilter.None), cancel);
        var t = answer.TimingsMs;
        return new SearchTimings(t.Decode, t.Crop, t.Embed, t.Identify, t.Search, t.Total);
    }

    private static StagePercentiles Percentiles(string stage, IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return new StagePercentiles(stage, Math.Round(Rank(sorted, 0.50), 2), Math.Round(Rank(sorted, 0.99), 2));
    }

    // Nearest rank: the smallest value with at least p of the values at or below it.
    private static double Rank(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private readonly record struct SearchTimings(double Decode, double Crop, double Embed, double Identify, double Search, double Total)
    {
        public double Of(string stage) => stage switch
        {
            "decode" => Decode,
            "crop" => Crop,
            "embed" => Embed,
            "identify" => Identify,
            "search" => Search,
            _ => Total,
        };
    }
}
