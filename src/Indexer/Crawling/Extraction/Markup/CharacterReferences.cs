using System.Text;
using AngleSharp.Html;

namespace Pursearch.Indexer.Crawling.Extraction.Markup;

/// <summary>
/// Decodes the character references a well-formed page writes: <c>&amp;name;</c> from the HTML entity table and
/// <c>&amp;#…;</c> numbers, and leaves an ampersand that starts no reference as written. Returns null for references
/// whose meaning depends on the HTML5 tokenizer's legacy rules (a known name without its semicolon, unknown names
/// with one, numbers it remaps), so the caller can parse the page in full instead.
/// </summary>
internal static class CharacterReferences
{
    /// <summary>The longest name in the HTML5 entity table (CounterClockwiseContourIntegral).</summary>
    private const int LongestName = 31;

    // Most text runs of a page are one character between two tags (a line break, a space): one string each, shared.
    private static readonly string[] AsciiCharacters = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    public static string? Decode(string text, int start, int end)
    {
        if (end - start == 1 && text[start] < AsciiCharacters.Length && text[start] != '&')
            return AsciiCharacters[text[start]];
        var amp = text.IndexOf('&', start, end - start);
        if (amp < 0)
            return text.Substring(start, end - start);
        var decoded = new StringBuilder(end - start);
        var i = start;
        while (amp >= 0)
        {
            decoded.Append(text, i, amp - i);
            var next = Reference(text, amp, end, decoded);
            if (next < 0)
                return null;
            i = next;
            amp = i < end ? text.IndexOf('&', i, end - i) : -1;
        }
        decoded.Append(text, i, end - i);
        return decoded.ToString();
    }

    /// <summary>Appends the reference at <paramref name="amp"/> (or a literal ampersand); the index after it, or -1.</summary>
    private static int Reference(string text, int amp, int end, StringBuilder decoded)
    {
        var i = amp + 1;
        if (i < end && text[i] == '#')
            return Number(text, i + 1, end, decoded);
        var nameEnd = i;
        while (nameEnd < end && char.IsAsciiLetterOrDigit(text[nameEnd]))
            nameEnd++;
        if (nameEnd == i)
        {
            decoded.Append('&');
            return i;
        }
        if (nameEnd == end || text[nameEnd] != ';')
            return StartsWithLegacyName(text, i, nameEnd) ? -1 : Literal(text, amp, nameEnd, decoded);
        if (HtmlEntityProvider.Resolver.GetSymbol(text.Substring(i, nameEnd - i + 1)) is not { } symbol)
            return -1;
        decoded.Append(symbol);
        return nameEnd + 1;
    }

    /// <summary>
    /// Whether the name run starts with a reference the tokenizer decodes without a semicolon (<c>&amp;amp</c>,
    /// <c>&amp;copy</c> ...); any other run, such as the <c>&amp;b</c> of a query string, stays as written.
    /// </summary>
    private static bool StartsWithLegacyName(string text, int start, int end)
    {
        for (var length = 1; length <= Math.Min(end - start, LongestName); length++)
            if (HtmlEntityProvider.Resolver.GetSymbol(text.Substring(start, length)) is not null)
                return true;
        return false;
    }

    private static int Literal(string text, int amp, int end, StringBuilder decoded)
    {
        decoded.Append(text, amp, end - amp);
        return end;
    }

    private static int Number(string text, int i, int end, StringBuilder decoded)
    {
        var hex = i < end && (text[i] == 'x' || text[i] == 'X');
        if (hex)
            i++;
        var digitsStart = i;
        var code = 0;
        while (i < end && (hex ? char.IsAsciiHexDigit(text[i]) : char.IsAsciiDigit(text[i])) && code <= 0x10FFFF)
            code = code * (hex ? 16 : 10) + DigitValue(text[i++]);
        if (i == digitsStart || i == end || text[i] != ';' || !IsPlain(code))
            return -1;
        decoded.Append(char.ConvertFromUtf32(code));
        return i + 1;
    }

    private static int DigitValue(char digit) => char.IsAsciiDigit(digit) ? digit - '0' : (digit | 0x20) - 'a' + 10;

    /// <summary>Code points the tokenizer takes as they are (it replaces NUL, C1 controls, surrogates and out-of-range ones).</summary>
    private static bool IsPlain(int code) =>
        code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) and not (>= 0x80 and <= 0x9F) and not 0x0D;
}
