using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pursearch.Core;
using Pursearch.SearchNode.Search;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Imaging;

namespace Pursearch.SearchNode.Http;

/// <summary>Turns what a request handler threw into its problem+json answer, logging only faults of the node.</summary>
public static class ProblemMapping
{
    public static async Task HandleAsync(HttpContext context, Func<Task> next, ILogger logger)
    {
        try
        {
            await next();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var (status, slug, title) = Classify(e);
            if (status >= 500 && slug == Problems.InternalError)
                logger.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            await Problems.WriteAsync(context, status, slug, title, status == 500 ? "the node failed to answer; see its log" : Detail(e));
        }
    }

    public static (int Status, string Slug, string Title) Classify(Exception e) => e switch
    {
        ImageRejectedException r => r.Reason switch
        {
            ImageRejectionReason.TooLarge or ImageRejectionReason.TooManyPixels =>
                (StatusCodes.Status413PayloadTooLarge, Problems.ImageTooLarge, "Image too large"),
            ImageRejectionReason.UnsupportedFormat =>
                (StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaType, "Unsupported image format"),
            _ => (StatusCodes.Status400BadRequest, Problems.InvalidImage, "Invalid image"),
        },
        UploadTooLargeException => (StatusCodes.Status413PayloadTooLarge, Problems.ImageTooLarge, "Image too large"),
        UnsupportedUploadException => (StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaType, "Unsupported media type"),
        InvalidParameterException or DomainException => (StatusCodes.Status400BadRequest, Problems.InvalidParameter, "Invalid parameter"),
        ResourceNotFoundException or StoreNotFoundException => (StatusCodes.Status404NotFound, Problems.NotFound, "Not found"),
        SearchUnavailableException => (StatusCodes.Status503ServiceUnavailable, Problems.Unavailable, "Unavailable"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, Problems.ImageTooLarge, "Image too large"),
        BadHttpRequestException b => (b.StatusCode, Problems.InvalidParameter, "Bad request"),
        InvalidDataException => (StatusCodes.Status400BadRequest, Problems.InvalidParameter, "Malformed request body"),
        _ => (StatusCodes.Status500InternalServerError, Problems.InternalError, "Internal error"),
    };

    private static string Detail(Exception e) => e switch
    {
        DomainException d => d.Message.Replace($" (Parameter '{d.ParamName}')", "", StringComparison.Ordinal),
        _ => e.Message,
    };
}
