namespace Pursearch.Storage.Contracts;

/// <summary>Content-addressed image bytes: stored once per SHA-256, never larger than <see cref="MaxBytes"/>.</summary>
public interface IImageStore
{
    long MaxBytes { get; }

    /// <summary>
    /// Stores the bytes of <paramref name="content"/> and answers their SHA-256; bytes already stored are not stored
    /// again. More than <see cref="MaxBytes"/> bytes raise <see cref="ImageTooLargeException"/> and store nothing.
    /// </summary>
    Task<ImagePut> PutAsync(Stream content, string contentType, CancellationToken cancel = default);

    Task<bool> ExistsAsync(string sha256, CancellationToken cancel = default);

    Task<StoredImage?> GetInfoAsync(string sha256, CancellationToken cancel = default);

    /// <summary>Opens the stored bytes for reading, or null when no image has that hash. The caller disposes the stream.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancel = default);
}
