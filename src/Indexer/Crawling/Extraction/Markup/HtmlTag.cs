namespace Pursearch.Indexer.Crawling.Extraction.Markup;

/// <summary>What the strict parser needs to know about a tag name.</summary>
[Flags]
internal enum TagRules
{
    None = 0,

    /// <summary>The full parser treats it in ways the strict builder does not model (tables, foreign content, ...).</summary>
    Refused = 1 << 0,
    Void = 1 << 1,

    /// <summary>May stand in the head.</summary>
    HeadContent = 1 << 2,

    /// <summary>Its start tag closes an open <c>p</c>.</summary>
    ClosesParagraph = 1 << 3,

    /// <summary>Its start tag closes an open element of the same name.</summary>
    NotNested = 1 << 4,
    Heading = 1 << 5,

    /// <summary>Text up to its end tag, taken as written (script, style).</summary>
    RawText = 1 << 6,

    /// <summary>Text up to its end tag, character references decoded (title, textarea).</summary>
    EscapableRawText = 1 << 7,
}

/// <summary>A tag name with its rules, shared by every page: known names are looked up without allocating a string.</summary>
internal sealed class HtmlTag
{
    private static readonly Dictionary<string, HtmlTag> Known = Build();
    private static readonly Dictionary<string, HtmlTag>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private HtmlTag(string name, TagRules rules)
    {
        Name = name;
        Rules = rules;
    }

    public string Name { get; }

    public TagRules Rules { get; }

    public bool Is(TagRules rule) => (Rules & rule) != 0;

    /// <summary>The tag for a lower-case name.</summary>
    public static HtmlTag Of(ReadOnlySpan<char> name) =>
        KnownBySpan.TryGetValue(name, out var tag) ? tag : new HtmlTag(name.ToString(), TagRules.None);

    private static Dictionary<string, HtmlTag> Build()
    {
        var rules = new Dictionary<string, TagRules>(StringComparer.Ordinal);
        void Add(TagRules rule, params string[] names)
        {
            foreach (var name in names)
                rules[name] = rules.GetValueOrDefault(name) | rule;
        }
        Add(TagRules.Refused, "table", "caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th", "svg",
            "math", "template", "frameset", "frame", "image", "isindex", "plaintext", "xmp", "iframe", "noembed", "noframes",
            "listing", "keygen", "rb", "rp", "rt", "rtc", "applet", "marquee", "object");
        Add(TagRules.Void, "area", "base", "br", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
            "param", "basefont", "bgsound");
        Add(TagRules.HeadContent, "meta", "link", "title", "style", "script", "base", "basefont", "bgsound");
        Add(TagRules.ClosesParagraph, "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
            "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p",
            "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "form", "li", "dd", "dt", "hr");
        Add(TagRules.NotNested, "a", "button", "nobr", "form", "select");
        Add(TagRules.Heading, "h1", "h2", "h3", "h4", "h5", "h6");
        Add(TagRules.RawText, "script", "style");
        Add(TagRules.EscapableRawText, "title", "textarea");
        // Names the readers and pages use most, so that they too come without an allocation.
        Add(TagRules.None, "html", "head", "body", "span", "strong", "em", "b", "i", "small", "s", "del", "strike", "label",
            "option", "optgroup", "noscript", "picture", "time", "data", "meter", "audio", "video", "canvas", "output");
        return rules.ToDictionary(r => r.Key, r => new HtmlTag(r.Key, r.Value), StringComparer.Ordinal);
    }
}
