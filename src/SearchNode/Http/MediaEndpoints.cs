using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Pursearch.SearchNode.Imaging;
using Pursearch.SearchNode.Search;

namespace Pursearch.SearchNode.Http;

/// <summary>Product thumbnails and the page's example photos.</summary>
public static class MediaEndpoints
{
    private const string Forever = "public, max-age=31536000, immutable";

    public static RouteGroupBuilder MapMediaApi(this RouteGroupBuilder api)
    {
        api.MapGet("/images/{sha256}", ThumbnailAsync)
            .WithName("image").WithSummary("Thumbnail of a stored product image (size=160|320|640, default 320)")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/examples", (ExampleGallery gallery) =>
                TypedResults.Ok(gallery.Names.Select(n => new ExampleResponse(n, $"/api/v1/examples/{n}")).ToList()))
            .WithName("examples").WithSummary("Held-out example photos to try");
        api.MapGet("/examples/{name}", Example)
            .WithName("example").WithSummary("One example photo")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ThumbnailAsync(string sha256, HttpContext context, Thumbnails thumbnails,
        CancellationToken cancel)
    {
        var p = new RequestParameters(context.Request.Query);
        var size = p.Int("size", Thumbnails.DefaultSize, 1, int.MaxValue);
        if (!Thumbnails.Sizes.Contains(size))
            throw new InvalidParameterException("size", $"{size} is not one of {string.Join(", ", Thumbnails.Sizes)}");
        var etag = new EntityTagHeaderValue($"\"{sha256.ToLowerInvariant()}-{size}\"");
        context.Response.Headers.CacheControl = Forever;
        context.Response.Headers.ETag = etag.ToString();
        if (context.Request.Headers.IfNoneMatch.ToString().Contains(etag.Tag.Value!, StringComparison.Ordinal))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var bytes = await thumbnails.GetAsync(sha256, size, cancel);
        return TypedResults.File(bytes, "image/jpeg");
    }

    private static IResult Example(string name, HttpContext context, ExampleGallery gallery)
    {
        var path = gallery.PathOf(name) ?? throw new ResourceNotFoundException($"no example '{name}'");
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.PhysicalFile(path, "image/jpeg", enableRangeProcessing: false);
    }
}
