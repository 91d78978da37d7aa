namespace Pursearch.SearchNode.Search;

/// <summary>The node cannot answer now (no live generation loaded, every shard missing); HTTP says 503 unavailable.</summary>
public sealed class SearchUnavailableException(string message) : Exception(message);

/// <summary>A product, image or example that does not exist; HTTP says 404 not-found.</summary>
public sealed class ResourceNotFoundException(string message) : Exception(message);
