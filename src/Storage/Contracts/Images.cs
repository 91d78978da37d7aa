namespace Pursearch.Storage.Contracts;

/// <summary>The facts kept about a stored image.</summary>
public sealed record StoredImage(string Sha256, long Size, string ContentType, DateTimeOffset CreatedAt);

/// <summary>The answer to storing image bytes: the stored image, and whether these bytes were new.</summary>
public sealed record ImagePut(StoredImage Image, bool Created);
