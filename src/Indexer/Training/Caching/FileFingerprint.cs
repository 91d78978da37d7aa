using System.Security.Cryptography;

namespace Pursearch.Indexer.Training.Caching;

/// <summary>Content fingerprints that key cached features: the same bytes under any name share their features, and a
/// file rewritten with new content is computed again.</summary>
public static class FileFingerprint
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
