using System.Text;

namespace Pursearch.Indexer.Crawling.Urls;

/// <summary>Normalises percent-encoding so equal URLs compare equal (RFC 3986 §6.2.2, RFC 9309 §2.2.2).</summary>
public static class PercentEncoding
{
    /// <summary>
    /// Decodes escaped unreserved characters (<c>%7E</c> → <c>~</c>), upper-cases the hex of every other escape,
    /// escapes a stray <c>%</c>, and percent-encodes non-ASCII, space and control characters as UTF-8.
    /// </summary>
    public static string Normalize(string value)
    {
        if (!NeedsWork(value))
            return value;
        var output = new StringBuilder(value.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                AppendEscape(output, value, i);
                if (IsEscape(value, i))
                    i += 2;
                continue;
            }
            if (c > 0x20 && c < 0x7F)
            {
                output.Append(c);
                continue;
            }
            var width = char.IsSurrogatePair(value, i) ? 2 : 1;
            var length = Encoding.UTF8.GetBytes(value.AsSpan(i, width), utf8);
            i += width - 1;
            foreach (var b in utf8[..length])
                output.Append('%').Append(b.ToString("X2"));
        }
        return output.ToString();
    }

    public static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static void AppendEscape(StringBuilder output, string value, int at)
    {
        if (!IsEscape(value, at))
        {
            output.Append("%25");
            return;
        }
        var decoded = (char)Convert.ToByte(value.Substring(at + 1, 2), 16);
        if (IsUnreserved(decoded))
            output.Append(decoded);
        else
            output.Append('%').Append(char.ToUpperInvariant(value[at + 1])).Append(char.ToUpperInvariant(value[at + 2]));
    }

    private static bool IsEscape(string value, int at) =>
        at + 2 < value.Length && char.IsAsciiHexDigit(value[at + 1]) && char.IsAsciiHexDigit(value[at + 2]);

    private static bool NeedsWork(string value)
    {
        foreach (var c in value)
            if (c == '%' || c <= 0x20 || c >= 0x7F)
                return true;
        return false;
    }
}
