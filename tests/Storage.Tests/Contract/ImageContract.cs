using System.Security.Cryptography;
using Pursearch.Core;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Tests.Contract;

/// <summary>Image contract: content-addressed bytes, stored once, within a size limit.</summary>
public abstract class ImageContract : StoreContract
{
    [Fact]
    public async Task Bytes_are_stored_under_their_sha256_and_read_back()
    {
        var bytes = RandomBytes(5000, seed: 1);

        var put = await Store.Images.PutAsync(new MemoryStream(bytes), "Image/JPEG");

        Assert.True(put.Created);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), put.Image.Sha256);
        Assert.Equal(5000, put.Image.Size);
        Assert.Equal("image/jpeg", put.Image.ContentType);
        Assert.True(await Store.Images.ExistsAsync(put.Image.Sha256));
        Assert.Equal(put.Image, await Store.Images.GetInfoAsync(put.Image.Sha256.ToUpperInvariant()));
        Assert.Equal(bytes, await ReadAllAsync(put.Image.Sha256));
    }

    [Fact]
    public async Task The_same_bytes_are_stored_once()
    {
        var bytes = RandomBytes(3000, seed: 2);
        var first = await Store.Images.PutAsync(new MemoryStream(bytes), "image/png");
        var sequence = await Store.Changes.CurrentSequenceAsync();

        var second = await Store.Images.PutAsync(new MemoryStream(bytes), "image/webp");

        Assert.False(second.Created);
        Assert.Equal(first.Image, second.Image);
        Assert.Equal(sequence, await Store.Changes.CurrentSequenceAsync());
        Assert.Equal(1, (await Store.DescribeAsync()).Images);
    }

    [Fact]
    public async Task Bytes_up_to_the_limit_are_stored_and_one_more_is_refused_storing_nothing()
    {
        var atLimit = RandomBytes((int)MaxImageBytes, seed: 3);
        var overLimit = RandomBytes((int)MaxImageBytes + 1, seed: 4);

        Assert.Equal(MaxImageBytes, Store.Images.MaxBytes);
        Assert.True((await Store.Images.PutAsync(new MemoryStream(atLimit), "image/jpeg")).Created);
        var e = await Assert.ThrowsAsync<ImageTooLargeException>(() =>
            Store.Images.PutAsync(new MemoryStream(overLimit), "image/jpeg"));

        Assert.Equal(MaxImageBytes, e.MaxBytes);
        Assert.False(await Store.Images.ExistsAsync(Convert.ToHexStringLower(SHA256.HashData(overLimit))));
        Assert.Equal(1, (await Store.DescribeAsync()).Images);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_read_to_its_end()
    {
        var bytes = RandomBytes(20_000, seed: 5);
        var put = await Store.Images.PutAsync(new TrickleStream(bytes), "image/jpeg");
        Assert.Equal(bytes, await ReadAllAsync(put.Image.Sha256));
    }

    [Fact]
    public async Task Unknown_hashes_are_absent_and_malformed_ones_or_media_types_are_refused()
    {
        var unknown = new string('0', 64);
        Assert.False(await Store.Images.ExistsAsync(unknown));
        Assert.Null(await Store.Images.GetInfoAsync(unknown));
        Assert.Null(await Store.Images.OpenReadAsync(unknown));
        Assert.Equal("sha256", (await Assert.ThrowsAsync<DomainException>(() => Store.Images.OpenReadAsync("../../etc/passwd"))).Field);
        Assert.Equal("contentType", (await Assert.ThrowsAsync<DomainException>(() =>
            Store.Images.PutAsync(new MemoryStream([1, 2, 3]), "jpeg"))).Field);
    }

    private async Task<byte[]> ReadAllAsync(string sha)
    {
        await using var stream = await Store.Images.OpenReadAsync(sha);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed * 7919).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A forward-only stream that hands out a few bytes per read, like a slow network response.</summary>
    private sealed class TrickleStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 777), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
