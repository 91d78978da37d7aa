using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// A fetched HTML page parsed once by AngleSharp — charset from its Content-Type, else its BOM or meta tag, as a
/// browser decides — with its URL, the base URL relative references resolve against, and the elements every reader
/// needs (<see cref="PageElements"/>, collected in one walk). Scripts never run.
/// </summary>
public sealed class HtmlPage : IDisposable
{
    // Parsing straight into a document skips the browsing context's navigation and loader machinery, which cost
    // several times the parse itself on a shop page. One parser per thread: AngleSharp does not promise thread safety.
    [ThreadStatic]
    private static PageParser? _parser;

    private HtmlPage(IDocument document, Uri url)
    {
        Document = document;
        Url = url;
        Elements = PageElements.Collect(document);
        BaseUri = BaseOf(Elements.BaseHref, url);
    }

    public IDocument Document { get; }

    /// <summary>The address the page was fetched from (after redirects).</summary>
    public Uri Url { get; }

    /// <summary>The URL relative references resolve against: the page URL, or its first <c>&lt;base href&gt;</c>.</summary>
    public Uri BaseUri { get; }

    public PageElements Elements { get; }

    /// <summary>Parses <paramref name="body"/>, fetched from <paramref name="url"/>; a charset in <paramref name="contentType"/> decides the decoding.</summary>
    public static HtmlPage Parse(byte[] body, string? contentType, Uri url)
    {
        var document = (_parser ??= new PageParser()).Parse(body, contentType);
        try
        {
            return new HtmlPage(document, url);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public void Dispose() => Document.Dispose();

    /// <summary>HTML: the first base element with an href, resolved against the document's URL, sets the base URL.</summary>
    private static Uri BaseOf(string? baseHref, Uri url) =>
        baseHref is not null && Uri.TryCreate(url, baseHref.Trim(), out var resolved) &&
        (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps)
            ? resolved
            : url;

    /// <summary>An AngleSharp parser with the default configuration's services (meta charset handling among them).</summary>
    private sealed class PageParser
    {
        private readonly IBrowsingContext _context = BrowsingContext.New(Configuration.Default);
        private readonly HtmlParser _parser;

        public PageParser() =>
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

        private static string? CharsetOf(string? contentType)
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
