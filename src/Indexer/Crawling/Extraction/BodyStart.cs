namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>Where a fetched body's content starts, for sniffing what it is: after any UTF-8 byte-order marks and whitespace.</summary>
public static class BodyStart
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The first <paramref name="length"/> bytes of <paramref name="body"/> (fewer if it is shorter), less the leading marks and whitespace.</summary>
    public static ReadOnlySpan<byte> Of(byte[] body, int length)
    {
        var head = body.AsSpan(0, Math.Min(body.Length, length));
        while (true)
        {
            if (head.StartsWith(Utf8Bom))
                head = head[Utf8Bom.Length..];
            else if (head is [(byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n', ..])
                head = head[1..];
            else
                return head;
        }
    }
}
