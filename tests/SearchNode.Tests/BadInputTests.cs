using System.Diagnostics;
using System.Net;
using Pursearch.SearchNode.Tests.World;

namespace Pursearch.SearchNode.Tests;

[Collection(NodeCollection.Name)]
public sealed class BadInputTests(SmallWorld world)
{
    /// <summary>Every case of the API list with the answer it must get (200, or a problem of that slug).</summary>
    public static readonly (string Name, Func<HttpContent> Body, string Query, int Status, string? Slug)[] Cases =
    [
        ("zero bytes", () => Requests.Photo([]), "", 400, "invalid-image"),
        ("truncated JPEG", () => Requests.Photo(BadPhotos.TruncatedJpeg()), "", 400, "invalid-image"),
        ("text named .jpg", () => Requests.Photo(BadPhotos.Text(), "bag.jpg"), "", 415, "unsupported-media-type"),
        ("PNG claiming 30000x30000", () => Requests.Photo(BadPhotos.PngClaiming30000Square(), "huge.png", "image/png"), "", 413, "image-too-large"),
        ("20 MB upload", () => Requests.Photo(BadPhotos.TwentyMegabytes()), "", 413, "image-too-large"),
        ("CMYK JPEG", () => Requests.Photo(BadPhotos.CmykJpeg()), "", 200, null),
        ("16-bit PNG", () => Requests.Photo(BadPhotos.Png16Bit(), "deep.png", "image/png"), "", 200, null),
        ("EXIF-rotated JPEG", () => Requests.Photo(BadPhotos.ExifRotatedJpeg()), "", 200, null),
        ("animated GIF", () => Requests.Photo(BadPhotos.AnimatedGif(), "moving.gif", "image/gif"), "", 200, null),
        ("WebP", () => Requests.Photo(BadPhotos.Webp(), "photo.webp", "image/webp"), "", 200, null),
        ("missing image field", () => new MultipartFormDataContent { { new StringContent("100"), "maxPrice" } }, "", 400, "invalid-parameter"),
        ("not a form at all", () => new StringContent("{\"image\": 1}", System.Text.Encoding.UTF8, "application/json"), "", 415, "unsupported-media-type"),
        ("k=0", () => Requests.Photo(BadPhotos.Jpeg()), "?k=0", 400, "invalid-parameter"),
        ("k=10000", () => Requests.Photo(BadPhotos.Jpeg()), "?k=10000", 400, "invalid-parameter"),
        ("minPrice>maxPrice", () => Requests.Photo(BadPhotos.Jpeg()), "?minPrice=500&maxPrice=100", 400, "invalid-parameter"),
        ("unknown retailer", () => Requests.Photo(BadPhotos.Jpeg()), "?retailer=no-such-shop", 400, "invalid-parameter"),
        ("unknown currency", () => Requests.Photo(BadPhotos.Jpeg()), "?currency=XYZ", 400, "invalid-parameter"),
        ("currency without a rate", () => Requests.Photo(BadPhotos.Jpeg()), "?currency=NOK", 400, "invalid-parameter"),
        ("bad crop", () => Requests.Photo(BadPhotos.Jpeg()), "?crop=maybe", 400, "invalid-parameter"),
    ];

    public static IEnumerable<object[]> CaseNames => Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Each_bad_input_gets_200_or_its_problem_and_the_node_keeps_answering(string name)
    {
        var node = await world.SharedNodeAsync();
        var (_, body, query, status, slug) = Cases.Single(c => c.Name == name);

        using var response = await node.Http.PostAsync($"/api/v1/search{query}", body());

        if (slug is null)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {text}");
            Assert.Contains("\"results\"", text);
        }
        else
            await Requests.AssertProblemAsync(response, status, slug);
        Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Raw_image_bodies_are_accepted_and_no_upload_lands_in_the_data_dir()
    {
        var node = await world.SharedNodeAsync();
        var before = Files(node.DataDirectory);
        using var content = new ByteArrayContent(world.StreetPhotos[0]);
        content.Headers.ContentType = new("image/jpeg");

        using var response = await node.Http.PostAsync("/api/v1/search?k=5", content);
        using var form = await node.Http.PostAsync("/api/v1/search?k=5", Requests.Photo(world.StreetPhotos[3]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(before, Files(node.DataDirectory));
    }

    private static List<string> Files(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("thumbnails", StringComparison.Ordinal) && !f.EndsWith("-wal", StringComparison.Ordinal) &&
                        !f.EndsWith("-shm", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Memory_stays_bounded_over_200_bad_requests()
    {
        var node = await world.SharedNodeAsync();
        for (var i = 0; i < Cases.Length; i++)
            await SendAsync(node, Cases[i]);
        var before = SettledWorkingSet();

        for (var i = 0; i < 200; i++)
            await SendAsync(node, Cases[i % Cases.Length]);
        var after = SettledWorkingSet();

        Assert.True(after - before < 200L * 1024 * 1024,
            $"working set grew by {(after - before) / (1024 * 1024)} MiB over 200 requests ({before / (1024 * 1024)} → {after / (1024 * 1024)} MiB)");
        Assert.NotEmpty((await Requests.SearchAsync(node.Http, world.StreetPhotos[0])).GetProperty("results").EnumerateArray());
    }

    // The photos that are accepted go without the crop stage here: the loop is about memory, not about cropping.
    private static async Task SendAsync(TestNode node, (string Name, Func<HttpContent> Body, string Query, int Status, string? Slug) c)
    {
        var query = c.Status == 200 ? "?crop=off" : c.Query;
        using var response = await node.Http.PostAsync($"/api/v1/search{query}", c.Body());
        Assert.Equal(c.Status, (int)response.StatusCode);
    }

    private static long SettledWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
