using System.Buffers;

namespace Pursearch.SearchNode.Http;

/// <summary>An uploaded photo held in a pooled buffer (never on disk), with the other form fields of its request.</summary>
public sealed class UploadedPhoto : IDisposable
{
    private byte[]? _buffer;

    internal UploadedPhoto(byte[] buffer, int length, IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
    {
        _buffer = buffer;
        Length = length;
        Fields = fields;
    }

    public int Length { get; }
    public ReadOnlyMemory<byte> Bytes => (_buffer ?? throw new ObjectDisposedException(nameof(UploadedPhoto))).AsMemory(0, Length);

    /// <summary>Text fields of the multipart form besides the image (e.g. maxPrice), by name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fields { get; }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            Array.Clear(buffer, 0, Length);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
