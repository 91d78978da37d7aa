using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Pursearch.Forge.Sites;

/// <summary>
/// Writes a shop's answers as a well-behaved server does: a strong ETag from the content and a Last-Modified, 304 when
/// the client's If-None-Match (or, without one, If-Modified-Since) still holds, and gzip for text when asked for.
/// </summary>
public static class ShopResponses
{
    public const string Html = "text/html; charset=utf-8";
    public const string Xml = "application/xml; charset=utf-8";
    public const string PlainText = "text/plain; charset=utf-8";

    public static Task TextAsync(HttpContext context, string text, string contentType, DateTimeOffset lastModified) =>
        BytesAsync(context, Encoding.UTF8.GetBytes(text), contentType, lastModified, compressible: true);

    public static async Task BytesAsync(HttpContext context, byte[] body, string contentType, DateTimeOffset lastModified,
        bool compressible)
    {
        var response = context.Response;
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..20]}\"";
        response.Headers.ETag = etag;
        response.Headers.LastModified = HeaderUtilities.FormatDate(lastModified);
        if (compressible)
            response.Headers.Vary = "Accept-Encoding";
        if (IsNotModified(context.Request, etag, lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = contentType;
        if (compressible && AcceptsGzip(context.Request))
        {
            body = Gzip(body);
            response.Headers.ContentEncoding = "gzip";
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task StatusAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = PlainText;
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }

    private static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0)
            return ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == etag || t == "W/" + etag);
        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since) &&
               lastModified <= since;
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);

    private static byte[] Gzip(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            gzip.Write(body);
        return buffer.ToArray();
    }
}
