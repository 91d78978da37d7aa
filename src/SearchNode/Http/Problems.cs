using Microsoft.AspNetCore.Http;

namespace Pursearch.SearchNode.Http;

/// <summary>problem+json answers with a DESIGN §5 type (<c>https://pursearch.dev/problems/{slug}</c>); never a stack trace.</summary>
public static class Problems
{
    public const string TypeBase = "https://pursearch.dev/problems/";
    public const string InvalidImage = "invalid-image";
    public const string ImageTooLarge = "image-too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string InvalidParameter = "invalid-parameter";
    public const string NotFound = "not-found";
    public const string RateLimited = "rate-limited";
    public const string Unavailable = "unavailable";
    /// <summary>Admin API without a valid token.</summary>
    public const string Unauthorized = "unauthorized";
    /// <summary>A fault of the node itself; the detail says nothing of its internals.</summary>
    public const string InternalError = "internal-error";

    public static IResult Result(int status, string slug, string title, string? detail = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: TypeBase + slug);

    public static IResult BadParameter(string detail) => Result(StatusCodes.Status400BadRequest, InvalidParameter, "Invalid parameter", detail);

    public static IResult Missing(string detail) => Result(StatusCodes.Status404NotFound, NotFound, "Not found", detail);

    public static Task WriteAsync(HttpContext context, int status, string slug, string title, string? detail = null) =>
        Result(status, slug, title, detail).ExecuteAsync(context);
}
