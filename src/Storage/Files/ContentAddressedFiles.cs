using System.Security.Cryptography;
using Pursearch.Core;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Files;

/// <summary>
/// Files named by the SHA-256 of their bytes under one root (<c>ab/cd/abcd...</c>). Each file appears whole or not at
/// all: bytes go to a temporary file first and are renamed into place.
/// </summary>
public sealed class ContentAddressedFiles
{
    private const int BufferSize = 81920;
    private readonly string _root;
    private readonly string _temporary;

    public ContentAddressedFiles(string root)
    {
        _root = Path.GetFullPath(root);
        _temporary = Path.Combine(_root, "tmp");
    }

    public string PathOf(string sha256)
    {
        var hex = Guard.Sha256Hex(sha256, "sha256");
        return Path.Combine(_root, hex[..2], hex[2..4], hex);
    }

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);

    /// <summary>Stores the bytes of <paramref name="content"/> and returns their hash and size.</summary>
    /// <exception cref="ImageTooLargeException">More than <paramref name="maxBytes"/> bytes; nothing is kept.</exception>
    public async Task<(string Sha256, long Size)> WriteAsync(Stream content, long maxBytes, CancellationToken cancel)
    {
        Directory.CreateDirectory(_temporary);
        var temporary = Path.Combine(_temporary, Guid.NewGuid().ToString("N"));
        try
        {
            var (sha, size) = await CopyHashingAsync(content, temporary, maxBytes, cancel);
            var final = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (File.Exists(final))
                File.Delete(temporary);
            else
                File.Move(temporary, final, overwrite: true);
            return (sha, size);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static async Task<(string, long)> CopyHashingAsync(Stream content, string path, long maxBytes,
        CancellationToken cancel)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize,
                         useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancel)) > 0)
            {
                size += read;
                if (size > maxBytes)
                    throw new ImageTooLargeException(maxBytes);
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancel);
            }
            // Durable before the rename makes it visible, so a crash never leaves a named file with missing bytes.
            file.Flush(flushToDisk: true);
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }
}
