namespace Pursearch.SearchNode.Http;

/// <summary>A query or form parameter that cannot be used; HTTP says 400 invalid-parameter naming it.</summary>
public sealed class InvalidParameterException(string parameter, string message) : Exception($"{parameter}: {message}")
{
    public string Parameter { get; } = parameter;
}

/// <summary>The request is not a multipart form with an image or an image body; HTTP says 415.</summary>
public sealed class UnsupportedUploadException(string message) : Exception(message);

/// <summary>The upload is over the byte limit; HTTP says 413 image-too-large. Raised before the rest is read.</summary>
public sealed class UploadTooLargeException(long limit) : Exception($"the upload is larger than the limit of {limit} bytes")
{
    public long Limit { get; } = limit;
}
