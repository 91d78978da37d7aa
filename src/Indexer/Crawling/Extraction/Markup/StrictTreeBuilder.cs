using System.Text;

namespace Pursearch.Indexer.Crawling.Extraction.Markup;

/// <summary>
/// Builds the tree of a page whose tags nest as written: every end tag closes the current element. It refuses (returns
/// false) whatever the HTML5 tree-construction algorithm would rearrange — implied end tags, stray or misnested end
/// tags, tables, foreign content, content after the body — so a refused page goes to the full parser instead. The
/// html, head and body elements are kept when written and not invented when implied (no reader depends on them).
/// </summary>
internal sealed class StrictTreeBuilder
{
    private const int MaxDepth = 512;

    private readonly MarkupElement _root = new(MarkupElement.DocumentName, []);
    private readonly List<MarkupElement> _open;
    // The children of every open element, innermost last; each open element's start in it. An element gets its
    // children as one exact array when it closes.
    private readonly List<MarkupNode> _children = [];
    private readonly List<int> _childrenStart = [0];
    private string? _text;
    private StringBuilder? _moreText;
    private bool _headSeen, _bodyStarted, _afterBody, _dropNewline;

    public StrictTreeBuilder() => _open = [_root];

    private MarkupElement Current => _open[^1];

    private bool AtTopLevel => Current == _root || Current.LocalName == "html";

    public bool Text(string text)
    {
        if (_dropNewline && text.StartsWith('\n'))
            text = text[1..];
        _dropNewline = false;
        if (text.Length == 0)
            return true;
        if (!IsHtmlWhitespace(text))
        {
            if (_afterBody || Current.LocalName == "head")
                return false;
            if (AtTopLevel)
                _bodyStarted = true;
        }
        if (_text is null)
            _text = text;
        else
            (_moreText ??= new StringBuilder(_text)).Append(text);
        return true;
    }

    public void Comment() => _dropNewline = false;

    public bool StartTag(HtmlTag tag, KeyValuePair<string, string>[] attributes)
    {
        FlushText();
        _dropNewline = false;
        if (_afterBody || tag.Is(TagRules.Refused))
            return false;
        switch (tag.Name)
        {
            case "html":
                return _open.Count == 1 && !CurrentHasChildElement() && !_bodyStarted && Push(tag.Name, attributes);
            case "head":
                if (_headSeen || _bodyStarted || !AtTopLevel || CurrentHasChildElement())
                    return false;
                _headSeen = true;
                return Push(tag.Name, attributes);
            case "body":
                if (_bodyStarted)
                    return false;
                if (Current.LocalName == "head")
                    Pop();
                _bodyStarted = true;
                return AtTopLevel && Push(tag.Name, attributes);
        }
        if (!Admits(tag, attributes))
            return false;
        if (tag.Is(TagRules.Void))
        {
            _children.Add(new MarkupElement(tag.Name, attributes));
            return true;
        }
        _dropNewline = tag.Name is "pre" or "textarea";
        return Push(tag.Name, attributes);
    }

    /// <summary>Closes the current element, which must be named <paramref name="name"/> (lower case).</summary>
    public bool EndTag(ReadOnlySpan<char> name)
    {
        FlushText();
        _dropNewline = false;
        if (name is "body" or "html")
        {
            if (name.SequenceEqual(Current.LocalName))
                Pop();
            else if (!(name is "html" && _afterBody && Current == _root))
                return false;
            _afterBody = true;
            return true;
        }
        if (_afterBody || Current == _root || !name.SequenceEqual(Current.LocalName))
            return false;
        Pop();
        return true;
    }

    public MarkupElement Finish()
    {
        FlushText();
        while (_open.Count > 0)
            Pop();
        return _root;
    }

    /// <summary>Whether the element can go where the parser stands without the full algorithm moving or closing anything.</summary>
    private bool Admits(HtmlTag tag, KeyValuePair<string, string>[] attributes)
    {
        var headContent = tag.Is(TagRules.HeadContent);
        // Before the body a noscript element is head content with rules of its own (scripting is off).
        if ((Current.LocalName == "head" && !headContent) || (tag.Name == "noscript" && !_bodyStarted))
            return false;
        if (AtTopLevel && !headContent)
            _bodyStarted = true;
        if ((tag.Is(TagRules.ClosesParagraph) && IsOpen("p")) || (tag.Is(TagRules.NotNested) && IsOpen(tag.Name)))
            return false;
        var name = tag.Name;
        if (name is not ("option" or "optgroup") && IsOpen("select"))
            return false;
        var current = Current.LocalName;
        return name switch
        {
            "li" => !IsOpenWithin("li", "ul", "ol", "menu"),
            "dd" or "dt" => !IsOpenWithin("dd", "dl") && !IsOpenWithin("dt", "dl"),
            "option" => current != "option",
            "optgroup" => current is not ("option" or "optgroup"),
            "meta" => DeclaresUtf8OrNothing(attributes),
            _ => !tag.Is(TagRules.Heading) || !HtmlTag.Of(current).Is(TagRules.Heading),
        };
    }

    private bool Push(string name, KeyValuePair<string, string>[] attributes)
    {
        if (_open.Count > MaxDepth)
            return false;
        var element = new MarkupElement(name, attributes);
        _children.Add(element);
        _open.Add(element);
        _childrenStart.Add(_children.Count);
        return true;
    }

    private void Pop()
    {
        var start = _childrenStart[^1];
        var count = _children.Count - start;
        if (count > 0)
        {
            var children = new MarkupNode[count];
            _children.CopyTo(start, children, 0, count);
            _children.RemoveRange(start, count);
            _open[^1].SetChildren(children);
        }
        _open.RemoveAt(_open.Count - 1);
        _childrenStart.RemoveAt(_childrenStart.Count - 1);
    }

    private bool CurrentHasChildElement()
    {
        for (var i = _childrenStart[^1]; i < _children.Count; i++)
            if (_children[i] is MarkupElement)
                return true;
        return false;
    }

    private void FlushText()
    {
        if (_text is null)
            return;
        _children.Add(new MarkupText(_moreText?.ToString() ?? _text));
        (_text, _moreText) = (null, null);
    }

    private bool IsOpen(string name)
    {
        for (var i = _open.Count - 1; i > 0; i--)
            if (_open[i].LocalName == name)
                return true;
        return false;
    }

    /// <summary>Whether <paramref name="name"/> is open inside the innermost of <paramref name="containers"/>.</summary>
    private bool IsOpenWithin(string name, params ReadOnlySpan<string> containers)
    {
        for (var i = _open.Count - 1; i > 0; i--)
        {
            if (_open[i].LocalName == name)
                return true;
            if (containers.Contains(_open[i].LocalName))
                return false;
        }
        return false;
    }

    private static bool IsHtmlWhitespace(string text) => text.AsSpan().IndexOfAnyExcept(" \t\n\f") < 0;

    /// <summary>A page declaring another charset in a meta tag would be re-decoded by the full parser.</summary>
    private static bool DeclaresUtf8OrNothing(KeyValuePair<string, string>[] attributes)
    {
        string? charset = null;
        foreach (var (name, value) in attributes)
        {
            if (name == "charset")
                charset = value;
            else if (name == "content" && value.Contains("charset", StringComparison.OrdinalIgnoreCase))
                charset = value[(value.IndexOf("charset", StringComparison.OrdinalIgnoreCase) + 7)..].TrimStart(' ', '=').Trim('"', '\'', ' ', ';');
        }
        return charset is null || StrictHtmlParser.IsUtf8(charset);
    }
}
