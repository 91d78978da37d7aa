using Microsoft.AspNetCore.Http;

namespace Pursearch.Forge.Sites;

/// <summary>Streams an image of any declared size from one small buffer: a JPEG start, then zeros, until done or the client leaves.</summary>
public static class HugeImage
{
    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00];

    public static async Task WriteAsync(HttpContext context, long size)
    {
        var response = context.Response;
        response.ContentType = "image/jpeg";
        response.ContentLength = size;
        var chunk = new byte[64 * 1024];
        JpegStart.CopyTo(chunk, 0);
        try
        {
            for (long sent = 0; sent < size; sent += chunk.Length)
            {
                await response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, size - sent)), context.RequestAborted);
                if (sent == 0)
                    Array.Clear(chunk, 0, JpegStart.Length);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client stopped reading: the point of the fault.
        }
    }
}
