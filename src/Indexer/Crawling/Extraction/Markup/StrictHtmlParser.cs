namespace Pursearch.Indexer.Crawling.Extraction.Markup;

/// <summary>
/// A single-pass reader for well-formed HTML, several times cheaper than a full HTML5 parse: it tokenizes tags,
/// attributes, text, comments and raw text (script, style, title, textarea) and builds the tree with
/// <see cref="StrictTreeBuilder"/>. Wherever the HTML5 tokenizer or tree builder would decide something it does not
/// model (legacy character references, odd tag syntax, implied or misnested tags, ...) it gives up and returns null,
/// and the page is parsed in full. On a page it accepts, the readers see what the full parse gives them.
/// </summary>
internal sealed class StrictHtmlParser
{
    private static readonly HashSet<string> CommonAttributes =
    [
        "class", "id", "href", "src", "rel", "name", "content", "property", "type", "itemprop", "itemscope", "itemtype",
        "itemid", "itemref", "alt", "title", "lang", "charset", "style", "width", "height", "loading", "srcset", "sizes",
        "data-src", "data-price", "data-sku", "aria-label", "role", "value", "datetime", "action", "method", "for",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonAttributesBySpan =
        CommonAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly string _html;
    private readonly StrictTreeBuilder _builder = new();
    private readonly List<KeyValuePair<string, string>> _attributes = [];

    private StrictHtmlParser(string html) => _html = html;

    /// <summary>The page's tree, or null when the page needs the full parser.</summary>
    public static MarkupElement? Parse(string html)
    {
        if (html.Contains('\0'))
            return null;
        if (html.Contains('\r'))
            html = html.Replace("\r\n", "\n").Replace('\r', '\n');
        return new StrictHtmlParser(html).Run();
    }

    /// <summary>Whether a declared charset names UTF-8, the only encoding the strict parser reads.</summary>
    public static bool IsUtf8(string? charset) =>
        charset?.Trim() is { } name &&
        (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    private MarkupElement? Run()
    {
        var html = _html;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i && (CharacterReferences.Decode(html, i, textEnd) is not { } text || !_builder.Text(text)))
                return null;
            if (lt < 0)
                break;
            var next = lt + 1 < html.Length ? html[lt + 1] : ' ';
            i = next switch
            {
                _ when char.IsAsciiLetter(next) => StartTag(lt + 1),
                '/' => EndTag(lt + 2),
                '!' => Declaration(lt),
                '?' => -1,
                _ => _builder.Text("<") ? lt + 1 : -1,
            };
            if (i < 0)
                return null;
        }
        return _builder.Finish();
    }

    private int StartTag(int i)
    {
        var html = _html;
        var (tag, j) = Tag(i);
        if (tag is null)
            return -1;
        _attributes.Clear();
        while (true)
        {
            j = SkipSpace(j);
            if (j >= html.Length)
                return -1;
            if (html[j] == '>')
            {
                j++;
                break;
            }
            if (html[j] == '/')
            {
                if (j + 1 < html.Length && html[j + 1] == '>')
                {
                    j += 2;
                    break;
                }
                return -1;
            }
            j = Attribute(j);
            if (j < 0)
                return -1;
        }
        if (!_builder.StartTag(tag, _attributes.ToArray()))
            return -1;
        if (tag.Is(TagRules.RawText))
            return RawText(j, tag.Name, decode: false);
        return tag.Is(TagRules.EscapableRawText) ? RawText(j, tag.Name, decode: true) : j;
    }

    /// <summary>Reads one attribute at <paramref name="i"/> (the first of duplicates wins); the index after it, or -1.</summary>
    private int Attribute(int i)
    {
        var html = _html;
        var start = i;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>' or '='))
        {
            if (html[i] is '"' or '\'' or '<' || !char.IsAscii(html[i]))
                return -1;
            i++;
        }
        if (i == start || i == html.Length)
            return -1;
        var name = AttributeName(html.AsSpan(start, i - start));
        var value = "";
        var j = SkipSpace(i);
        if (j < html.Length && html[j] == '=')
        {
            (value, i) = Value(SkipSpace(j + 1));
            if (value is null)
                return -1;
        }
        foreach (var attribute in _attributes)
            if (attribute.Key == name)
                return i;
        _attributes.Add(KeyValuePair.Create(name, value));
        return i;
    }

    private (string? Value, int Next) Value(int i)
    {
        var html = _html;
        if (i >= html.Length || html[i] == '>')
            return (null, -1);
        var quote = html[i];
        if (quote is '"' or '\'')
        {
            var close = html.IndexOf(quote, i + 1);
            if (close < 0 || (close + 1 < html.Length && !IsSpace(html[close + 1]) && html[close + 1] is not ('/' or '>')))
                return (null, -1);
            return (CharacterReferences.Decode(html, i + 1, close), close + 1);
        }
        var start = i;
        // '=' and '`' in an unquoted value are kept as written (an unquoted query string); quotes and '<' suggest
        // broken markup, left to the full parser.
        while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
        {
            if (html[i] is '"' or '\'' or '<')
                return (null, -1);
            i++;
        }
        return (CharacterReferences.Decode(html, start, i), i);
    }

    private int EndTag(int i)
    {
        var html = _html;
        if (i >= html.Length || !char.IsAsciiLetter(html[i]))
            return -1;
        var end = TagNameEnd(i);
        var j = SkipSpace(end);
        if (end < 0 || j >= html.Length || html[j] != '>')
            return -1;
        return _builder.EndTag(LowerCase(html.AsSpan(i, end - i))) ? j + 1 : -1;
    }

    /// <summary>Comments and the doctype are skipped; CDATA sections and other declarations are left to the full parser.</summary>
    private int Declaration(int lt)
    {
        var html = _html;
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            // "<!-->" and "<!--->" end at once; "--!>" ends a comment too: left to the full parser.
            var start = lt + 4;
            if (start < html.Length && (html[start] == '>' || (html[start] == '-' && start + 1 < html.Length && html[start + 1] == '>')))
                return -1;
            var end = html.IndexOf("-->", start, StringComparison.Ordinal);
            if (end < 0 || html.IndexOf("--!>", start, end - start, StringComparison.Ordinal) >= 0)
                return -1;
            _builder.Comment();
            return end + 3;
        }
        if (string.Compare(html, lt, "<!doctype", 0, 9, StringComparison.OrdinalIgnoreCase) == 0)
        {
            var end = html.IndexOf('>', lt);
            return end < 0 ? -1 : end + 1;
        }
        return -1;
    }

    /// <summary>The text up to the element's end tag; script text stays as written, title and textarea text is decoded.</summary>
    private int RawText(int i, string name, bool decode)
    {
        var html = _html;
        var close = i;
        while (true)
        {
            close = html.IndexOf("</", close, StringComparison.Ordinal);
            if (close < 0)
                return -1;
            var after = close + 2 + name.Length;
            if (after < html.Length && string.Compare(html, close + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0 &&
                (IsSpace(html[after]) || html[after] is '/' or '>'))
                break;
            close += 2;
        }
        // In script text "<!--" starts the escaped states, which can hide an end tag.
        if (name == "script" && html.IndexOf("<!--", i, close - i, StringComparison.Ordinal) >= 0)
            return -1;
        var text = decode ? CharacterReferences.Decode(html, i, close) : html[i..close];
        if (text is null || !_builder.Text(text))
            return -1;
        return EndTag(close + 2);
    }

    /// <summary>The end of the tag name at <paramref name="i"/>: ASCII letters, digits, '-', '_' and '.'; -1 when it has other characters.</summary>
    private int TagNameEnd(int i)
    {
        var html = _html;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or '_' or '.'))
            i++;
        return i == html.Length || !(IsSpace(html[i]) || html[i] is '/' or '>') ? -1 : i;
    }

    /// <summary>The tag whose name starts at <paramref name="start"/>; null when the name has other characters than <see cref="TagNameEnd"/> admits.</summary>
    private (HtmlTag? Tag, int Next) Tag(int start)
    {
        var i = TagNameEnd(start);
        if (i < 0)
            return (null, i);
        return (HtmlTag.Of(LowerCase(_html.AsSpan(start, i - start))), i);
    }

    /// <summary>
    /// A tag name as HTML matches it, in lower case. Upper-case names are rare, so only they cost a string; a buffer on
    /// the stack would overflow it on a page with a tag name of megabytes.
    /// </summary>
    private static ReadOnlySpan<char> LowerCase(ReadOnlySpan<char> name) =>
        name.ContainsAnyInRange('A', 'Z') ? name.ToString().ToLowerInvariant() : name;

    private static string AttributeName(ReadOnlySpan<char> name)
    {
        if (name.ContainsAnyInRange('A', 'Z'))
            return name.ToString().ToLowerInvariant();
        return CommonAttributesBySpan.TryGetValue(name, out var common) ? common : name.ToString();
    }

    private int SkipSpace(int i)
    {
        while (i < _html.Length && IsSpace(_html[i]))
            i++;
        return i;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f';
}
