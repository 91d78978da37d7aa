using Pursearch.Core.Catalog;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Embedding;

/// <summary>
/// Reads a product's image from the content-addressed store (async I/O) and decodes it to a network-sized square on a
/// decode thread. Anything wrong with the image itself becomes a <see cref="PreparedImage"/> failure, never an exception:
/// image bytes come from retailers and must not stop a run. Store failures do propagate.
/// </summary>
internal sealed class ProductImageLoader(IImageStore images, ImageDecoder decoder, int side)
{
    public async Task<PreparedImage> LoadAsync(Product product, WorkerThreads decodeThreads, CancellationToken cancel)
    {
        var sha = product.ImageSha256!;
        var (bytes, failure) = await ReadAsync(product, sha, cancel);
        if (failure is not null)
            return failure;
        return await decodeThreads.RunAsync(() => Decode(product, bytes!), cancel);
    }

    private async Task<(byte[]? Bytes, PreparedImage? Failure)> ReadAsync(Product product, string sha, CancellationToken cancel)
    {
        Stream? stream;
        try
        {
            stream = await images.OpenReadAsync(sha, cancel);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, PreparedImage.Skipped(product, EmbeddingFailureKind.ImageMissing, $"image {sha} is indexed but its file is gone"));
        }
        if (stream is null)
            return (null, PreparedImage.Skipped(product, EmbeddingFailureKind.ImageMissing, $"image {sha} is not in the image store"));
        await using (stream)
        {
            var limit = decoder.Limits.MaxBytes;
            if (stream.CanSeek && stream.Length > limit)
                return (null, TooLarge(product, stream.Length, limit));
            var bytes = await ReadCappedAsync(stream, limit, cancel);
            return bytes is null ? (null, TooLarge(product, null, limit)) : (bytes, null);
        }
    }

    // Reads at most limit bytes; null when there are more.
    private static async Task<byte[]?> ReadCappedAsync(Stream stream, long limit, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private PreparedImage Decode(Product product, byte[] bytes)
    {
        try
        {
            using var decoded = decoder.Decode(bytes, side);
            return PreparedImage.Ready(product, decoded.Square(side));
        }
        catch (ImageRejectedException e)
        {
            return PreparedImage.Skipped(product, Kind(e.Reason), e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The codec met bytes it did not expect in a way it does not classify: still the image's fault.
            return PreparedImage.Skipped(product, EmbeddingFailureKind.CorruptImage, $"decoder failed: {e.Message}");
        }
    }

    private static PreparedImage TooLarge(Product product, long? size, long limit) =>
        PreparedImage.Skipped(product, EmbeddingFailureKind.ImageTooLarge,
            $"{(size is { } s ? $"{s} bytes" : "the image")} is over the decode limit of {limit} bytes");

    private static EmbeddingFailureKind Kind(ImageRejectionReason reason) => reason switch
    {
        ImageRejectionReason.Empty => EmbeddingFailureKind.EmptyImage,
        ImageRejectionReason.TooLarge => EmbeddingFailureKind.ImageTooLarge,
        ImageRejectionReason.TooManyPixels => EmbeddingFailureKind.TooManyPixels,
        ImageRejectionReason.UnsupportedFormat => EmbeddingFailureKind.UnsupportedFormat,
        _ => EmbeddingFailureKind.CorruptImage,
    };
}
