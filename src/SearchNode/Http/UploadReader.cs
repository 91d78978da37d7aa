using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Pursearch.Vision.Imaging;

namespace Pursearch.SearchNode.Http;

/// <summary>
/// Reads the photo of a search request into memory while enforcing the limits as the bytes arrive: a declared
/// Content-Length over the limit is refused before any body byte is read, the body stops at the limit, and once the
/// first bytes of the image are in, its header is checked (format, pixel count) so a 30000×30000 PNG is refused
/// without reading the rest. Accepts <c>multipart/form-data</c> with an <c>image</c> field, or a raw image body.
/// </summary>
public sealed class UploadReader(ImageDecoder decoder, long maxImageBytes)
{
    public const string ImageField = "image";
    private const int HeaderProbeBytes = 64 * 1024;
    private const int MaxFields = 32;
    private const int MaxFieldBytes = 4 * 1024;
    private const int MultipartOverhead = 64 * 1024;

    public long MaxImageBytes => maxImageBytes;

    public async Task<UploadedPhoto> ReadAsync(HttpRequest request, CancellationToken cancel)
    {
        var limit = maxImageBytes + MultipartOverhead;
        if (request.ContentLength > limit)
            throw new UploadTooLargeException(maxImageBytes);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.HasValue)
        {
            if (type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                return await ReadMultipartAsync(request.Body, Boundary(type), cancel);
            if (type.MediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ||
                type.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                var (buffer, length) = await ReadImageAsync(request.Body, cancel);
                return new UploadedPhoto(buffer, length, new Dictionary<string, IReadOnlyList<string>>());
            }
        }
        throw new UnsupportedUploadException(
            $"send multipart/form-data with an '{ImageField}' field, or an image body (image/jpeg, image/png, ...); got '{request.ContentType ?? "nothing"}'");
    }

    private async Task<UploadedPhoto> ReadMultipartAsync(Stream body, string boundary, CancellationToken cancel)
    {
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        (byte[] Buffer, int Length)? photo = null;
        try
        {
            var count = 0;
            while (await reader.ReadNextSectionAsync(cancel) is { } section)
            {
                if (++count > MaxFields)
                    throw new InvalidParameterException("form", $"more than {MaxFields} fields");
                var disposition = section.GetContentDispositionHeader();
                var name = disposition?.Name.Value?.Trim('"') ?? "";
                if (name.Equals(ImageField, StringComparison.OrdinalIgnoreCase))
                {
                    if (photo is not null)
                        throw new InvalidParameterException(ImageField, "send one image, not several");
                    photo = await ReadImageAsync(section.Body, cancel);
                    continue;
                }
                var value = await ReadFieldAsync(section.Body, name, cancel);
                if (!fields.TryGetValue(name, out var values))
                    fields[name] = values = [];
                values.Add(value);
            }
            if (photo is null)
                throw new InvalidParameterException(ImageField, $"the form has no '{ImageField}' field with the photo");
            var all = fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.OrdinalIgnoreCase);
            return new UploadedPhoto(photo.Value.Buffer, photo.Value.Length, all);
        }
        catch
        {
            if (photo is { } read)
                ArrayPool<byte>.Shared.Return(read.Buffer);
            throw;
        }
    }

    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken cancel)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(total), cancel)) > 0)
        {
            total += read;
            if (total > MaxFieldBytes)
                throw new InvalidParameterException(name, $"is longer than {MaxFieldBytes} bytes");
        }
        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    /// <summary>The image bytes in a pooled buffer the caller returns (through <see cref="UploadedPhoto"/>).</summary>
    private async Task<(byte[] Buffer, int Length)> ReadImageAsync(Stream body, CancellationToken cancel)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(HeaderProbeBytes);
        var length = 0;
        var probed = false;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                    buffer = Grow(buffer, length);
                var read = await body.ReadAsync(buffer.AsMemory(length), cancel);
                if (read == 0)
                    break;
                length += read;
                if (length > maxImageBytes)
                    throw new UploadTooLargeException(maxImageBytes);
                if (!probed && length >= HeaderProbeBytes)
                {
                    probed = true;
                    Probe(buffer.AsSpan(0, length));
                }
            }
            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    // Only verdicts the first bytes settle for sure end the upload early; anything else waits for the full decode.
    private void Probe(ReadOnlySpan<byte> prefix)
    {
        try
        {
            decoder.ReadHeader(prefix);
        }
        catch (ImageRejectedException e) when (e.Reason is ImageRejectionReason.TooManyPixels or ImageRejectionReason.UnsupportedFormat)
        {
            throw;
        }
        catch (ImageRejectedException)
        {
            // The header may lie beyond the first bytes (large EXIF or ICC segments): decide after reading all.
        }
    }

    private byte[] Grow(byte[] buffer, int length)
    {
        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(buffer.Length * 2L, HeaderProbeBytes), maxImageBytes + 1));
        buffer.AsSpan(0, length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }

    private static string Boundary(MediaTypeHeaderValue type)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200)
            throw new UnsupportedUploadException("multipart/form-data without a valid boundary");
        return boundary;
    }
}
