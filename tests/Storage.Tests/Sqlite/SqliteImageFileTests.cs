using System.Security.Cryptography;
using Pursearch.Storage.Contracts;
using Pursearch.Storage.Sqlite;

namespace Pursearch.Storage.Tests.Sqlite;

public sealed class SqliteImageFileTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteStore _store = null!;

    public async Task InitializeAsync() =>
        _store = await SqliteStore.OpenAsync(_dir.File("catalog.db"), new StoreOptions(_dir.Path, maxImageBytes: 1000));

    [Fact]
    public async Task Images_are_files_under_the_data_dir_named_by_their_hash()
    {
        byte[] bytes = [1, 2, 3, 4, 5];
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        await _store.Images.PutAsync(new MemoryStream(bytes), "image/png");

        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(_dir.Path, "images", sha[..2], sha[2..4], sha)));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir.Path, "images", "tmp")));
    }

    [Fact]
    public async Task A_refused_image_leaves_no_file_behind()
    {
        await Assert.ThrowsAsync<ImageTooLargeException>(() => _store.Images.PutAsync(new MemoryStream(new byte[1001]), "image/png"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir.Path, "images"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_left_by_a_crash_before_its_row_was_written_is_adopted_on_the_next_put()
    {
        byte[] bytes = [9, 9, 9];
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var orphan = Path.Combine(_dir.Path, "images", sha[..2], sha[2..4], sha);
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllBytesAsync(orphan, bytes);
        Assert.False(await _store.Images.ExistsAsync(sha));

        var put = await _store.Images.PutAsync(new MemoryStream(bytes), "image/png");

        Assert.True(put.Created);
        Assert.True(await _store.Images.ExistsAsync(sha));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }
}
