using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;
using Pursearch.Indexer.Crawling.Extraction.Markup;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>How a page's tree was built.</summary>
public enum HtmlParsePath
{
    /// <summary>By <see cref="StrictHtmlParser"/>: the page is well-formed UTF-8 and nests as written.</summary>
    Strict,

    /// <summary>By AngleSharp's HTML5 parser (charset detection, error recovery), then copied.</summary>
    Html5,
}

/// <summary>
/// A fetched HTML page parsed once — by the strict single-pass parser when the page is well-formed UTF-8, else by
/// AngleSharp, which decodes the charset as a browser decides (Content-Type, BOM or meta tag) and recovers from errors
/// as browsers do — with its URL, the base URL relative references resolve against, and the elements every reader
/// needs (<see cref="PageElements"/>, collected in one walk). Scripts never run.
/// </summary>
public sealed class HtmlPage
{
    // Parsing straight into a document skips the browsing context's navigation and loader machinery, which cost
    // several times the parse itself on a shop page. One parser per thread: AngleSharp does not promise thread safety.
    [ThreadStatic]
    private static Html5Parser? _parser;

    private Dictionary<string, MarkupElement>? _byId;

    private HtmlPage(MarkupElement root, Uri url, HtmlParsePath path)
    {
        Root = root;
        Url = url;
        ParsePath = path;
        Elements = PageElements.Collect(root);
        BaseUri = BaseOf(Elements.BaseHref, url);
    }

    /// <summary>The document node: its children are the page's top-level elements.</summary>
    public MarkupElement Root { get; }

    /// <summary>The address the page was fetched from (after redirects).</summary>
    public Uri Url { get; }

    /// <summary>The URL relative references resolve against: the page URL, or its first <c>&lt;base href&gt;</c>.</summary>
    public Uri BaseUri { get; }

    public HtmlParsePath ParsePath { get; }

    public PageElements Elements { get; }

    /// <summary>Parses <paramref name="body"/>, fetched from <paramref name="url"/>; a charset in <paramref name="contentType"/> decides the decoding.</summary>
    public static HtmlPage Parse(byte[] body, string? contentType, Uri url) =>
        StrictTree(body, contentType) is { } root ? new HtmlPage(root, url, HtmlParsePath.Strict) : ParseHtml5(body, contentType, url);

    /// <summary>Parses with AngleSharp's HTML5 parser whatever the page: the reference the strict path is checked against.</summary>
    public static HtmlPage ParseHtml5(byte[] body, string? contentType, Uri url)
    {
        using var document = (_parser ??= new Html5Parser()).Parse(body, contentType);
        return new HtmlPage(DomTreeCopy.Of(document), url, HtmlParsePath.Html5);
    }

    /// <summary>The first element in document order with this id, as <c>getElementById</c>.</summary>
    public MarkupElement? ElementById(string id)
    {
        if (_byId is null)
        {
            _byId = new Dictionary<string, MarkupElement>(StringComparer.Ordinal);
            var pending = new Stack<MarkupElement>([Root]);
            while (pending.TryPop(out var element))
            {
                if (element.GetAttribute("id") is { Length: > 0 } elementId)
                    _byId.TryAdd(elementId, element);
                for (var i = element.ChildNodes.Count - 1; i >= 0; i--)
                    if (element.ChildNodes[i] is MarkupElement child)
                        pending.Push(child);
            }
        }
        return _byId.GetValueOrDefault(id);
    }

    /// <summary>The strict tree of a page declared UTF-8 (a UTF-16 byte-order mark overrides the declaration: not here).</summary>
    private static MarkupElement? StrictTree(byte[] body, string? contentType)
    {
        if (!StrictHtmlParser.IsUtf8(Html5Parser.CharsetOf(contentType)) || body is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..])
            return null;
        var skip = body is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        return StrictHtmlParser.Parse(Encoding.UTF8.GetString(body, skip, body.Length - skip));
    }

    /// <summary>HTML: the first base element with an href, resolved against the document's URL, sets the base URL.</summary>
    private static Uri BaseOf(string? baseHref, Uri url) =>
        baseHref is not null && Uri.TryCreate(url, baseHref.Trim(), out var resolved) &&
        (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps)
            ? resolved
            : url;

    /// <summary>An AngleSharp parser with the default configuration's services (meta charset handling among them).</summary>
    private sealed class Html5Parser
    {
        private readonly IBrowsingContext _context = BrowsingContext.New(Configuration.Default);
        private readonly HtmlParser _parser;

        public Html5Parser() =>
            _parser = new HtmlParser(
                new HtmlParserOptions { IsScripting = false, DisableElementPositionTracking = true, SkipComments = true }, _context);

        /// <summary>Decodes as AngleSharp's own document loader does: the context's default encoding unless a supported charset is declared.</summary>
        public IDocument Parse(byte[] body, string? contentType)
        {
            var source = new TextSource(new MemoryStream(body, writable: false), _context.GetDefaultEncoding());
            if (CharsetOf(contentType) is { } charset && TextEncoding.IsSupported(charset))
                source.CurrentEncoding = TextEncoding.Resolve(charset);
            return _parser.ParseDocument(source);
        }

        public static string? CharsetOf(string? contentType)
        {
            if (contentType is null)
                return null;
            foreach (var parameter in contentType.Split(';').Skip(1))
            {
                var equals = parameter.IndexOf('=');
                if (equals > 0 && parameter[..equals].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
                    return parameter[(equals + 1)..].Trim().Trim('"', '\'');
            }
            return null;
        }
    }
}
