using System.Collections.Concurrent;
using Pursearch.Core;
using Pursearch.SearchNode.Hosting;
using Pursearch.SearchNode.Search;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Imaging;
using SkiaSharp;

namespace Pursearch.SearchNode.Imaging;

/// <summary>
/// JPEG thumbnails of stored product images, fitted inside a square of a few allowed sizes. Rendered once, kept on
/// disk under <c>{data}/thumbnails</c> and the most recent in memory; a stored image never changes (it is addressed
/// by its hash), so neither does its thumbnail.
/// </summary>
public sealed class Thumbnails(IStore store, ImageDecoder decoder, DataLayout layout)
{
    public static readonly IReadOnlyList<int> Sizes = [160, 320, 640];
    public const int DefaultSize = 320;
    private const int JpegQuality = 85;
    private const int MemoryEntries = 512;

    private readonly ConcurrentDictionary<string, byte[]> _memory = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public async Task<byte[]> GetAsync(string sha256, int size, CancellationToken cancel)
    {
        var hash = CheckHash(sha256);
        var key = $"{hash}-{size}";
        if (_memory.TryGetValue(key, out var cached))
            return cached;
        var path = Path.Combine(layout.ThumbnailDirectory, hash[..2], key + ".jpg");
        var bytes = File.Exists(path) ? await File.ReadAllBytesAsync(path, cancel) : await RenderAndKeepAsync(hash, size, path, cancel);
        Remember(key, bytes);
        return bytes;
    }

    private static string CheckHash(string sha256)
    {
        try
        {
            return Guard.Sha256Hex(sha256, "sha256");
        }
        catch (DomainException)
        {
            throw new ResourceNotFoundException($"'{sha256}' is not an image hash");
        }
    }

    private async Task<byte[]> RenderAndKeepAsync(string hash, int size, string path, CancellationToken cancel)
    {
        await using var stored = await store.Images.OpenReadAsync(hash, cancel)
            ?? throw new ResourceNotFoundException($"no image {hash}");
        using var buffer = new MemoryStream();
        await stored.CopyToAsync(buffer, cancel);
        var jpeg = Render(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), size);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, jpeg, cancel);
        File.Move(temporary, path, overwrite: true);
        return jpeg;
    }

    private byte[] Render(ReadOnlySpan<byte> encoded, int size)
    {
        using var image = decoder.Decode(encoded, size);
        var scale = Math.Min(1.0, (double)size / Math.Max(image.DecodedWidth, image.DecodedHeight));
        var width = Math.Max(1, (int)Math.Round(image.DecodedWidth * scale));
        var height = Math.Max(1, (int)Math.Round(image.DecodedHeight * scale));
        var pixels = image.Render(NormalizedBox.Full, width, height);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var skImage = SKImage.FromPixelCopy(info, pixels.Pixels);
        using var data = skImage.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return data.ToArray();
    }

    private void Remember(string key, byte[] bytes)
    {
        if (!_memory.TryAdd(key, bytes))
            return;
        _order.Enqueue(key);
        while (_memory.Count > MemoryEntries && _order.TryDequeue(out var oldest))
            _memory.TryRemove(oldest, out _);
    }
}
