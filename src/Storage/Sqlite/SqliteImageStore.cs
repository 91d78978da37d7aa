using Pursearch.Core;
using Pursearch.Storage.Contracts;
using Pursearch.Storage.Files;

namespace Pursearch.Storage.Sqlite;

/// <summary>
/// Image bytes as content-addressed files under the data dir, indexed by the <c>images</c> table. The file is in
/// place before its row is committed, so every indexed image can be opened.
/// </summary>
public sealed class SqliteImageStore(SqliteConnector connector, ContentAddressedFiles files, long maxBytes)
    : IImageStore
{
    private const string Columns = "sha256, size, content_type, created_at";

    public long MaxBytes => maxBytes;

    public async Task<ImagePut> PutAsync(Stream content, string contentType, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var type = MediaType.Check(contentType);
        var (sha, size) = await files.WriteAsync(content, maxBytes, cancel);
        return await connector.WriteAsync(write =>
        {
            if (Find(write, sha) is { } existing)
                return new ImagePut(existing, Created: false);
            var image = new StoredImage(sha, size, type, DateTimeOffset.UtcNow);
            write.Execute($"INSERT INTO images ({Columns}) VALUES ($sha, $size, $type, $at)",
                ("$sha", sha), ("$size", size), ("$type", type), ("$at", SqliteValues.Ticks(image.CreatedAt)));
            write.RecordChange(ChangeKind.Image, sha);
            return new ImagePut(image, Created: true);
        }, cancel);
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancel = default) =>
        await GetInfoAsync(sha256, cancel) is not null;

    public Task<StoredImage?> GetInfoAsync(string sha256, CancellationToken cancel = default)
    {
        var sha = Guard.Sha256Hex(sha256, "sha256");
        return connector.ReadAsync(read => Find(read, sha), cancel);
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancel = default) =>
        await GetInfoAsync(sha256, cancel) is { } image ? files.OpenRead(image.Sha256) : null;

    private static StoredImage? Find(SqliteSession session, string sha) =>
        session.Query($"SELECT {Columns} FROM images WHERE sha256 = $sha",
            r => new StoredImage(r.GetString(0), r.GetInt64(1), r.GetString(2), SqliteValues.Time(r.GetInt64(3))),
            ("$sha", sha)).SingleOrDefault();
}
