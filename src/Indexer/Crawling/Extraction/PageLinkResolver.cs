using System.Collections.Concurrent;
using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// Resolves hrefs to canonical page URLs and remembers them, so that one resolver shared by every page of a run
/// canonicalises each link once: shop pages repeat their navigation and product links, and canonicalising a link
/// costs more than looking it up. An href is remembered with the part of the base URL its meaning depends on: nothing
/// (absolute), the origin (<c>/bags</c>, <c>//host/bags</c>) or the directory (<c>../bags</c>); one that depends on the
/// whole base URL (<c>?page=2</c>, <c>#top</c>) is resolved every time. Bounded: once full, further hrefs are resolved
/// without being kept. Thread-safe.
/// </summary>
public sealed class PageLinkResolver(int capacity = PageLinkResolver.DefaultCapacity)
{
    public const int DefaultCapacity = 20_000;

    private static readonly HashSet<string> NonPageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".css", ".js",
        ".pdf", ".zip", ".gz", ".tar", ".rar", ".7z", ".mp3", ".mp4", ".webm", ".mov", ".avi", ".woff", ".woff2",
        ".ttf", ".eot", ".json", ".rss", ".atom", ".exe", ".dmg", ".apk",
    };

    private readonly ConcurrentDictionary<(string Scope, string Href), Uri?> _known = new();

    /// <summary>How many hrefs are remembered.</summary>
    public int Count => _known.Count;

    /// <summary>The resolver for the links of one page, whose relative references resolve against <paramref name="baseUri"/>.</summary>
    public PageBase On(Uri baseUri) => new(this, baseUri);

    /// <summary>Whether a URL obviously names a file that is no HTML page (an image, script, archive ...).</summary>
    public static bool IsNonPage(Uri url)
    {
        var extension = Path.GetExtension(url.AbsolutePath);
        return extension.Length > 0 && NonPageExtensions.Contains(extension);
    }

    private Uri? Remembered(string scope, string href, Uri baseUri)
    {
        var key = (scope, href);
        if (_known.TryGetValue(key, out var url))
            return url;
        url = Resolve(href, baseUri);
        if (_known.Count < capacity)
            _known.TryAdd(key, url);
        return url;
    }

    private static Uri? Resolve(string href, Uri baseUri) =>
        UrlCanonicalizer.TryCanonicalize(href, baseUri, out var canonical) && !IsNonPage(canonical) ? canonical : null;

    /// <summary>A page's base URL with the parts hrefs depend on, computed once for all its links.</summary>
    public readonly struct PageBase
    {
        private readonly PageLinkResolver _resolver;
        private readonly Uri _baseUri;
        private readonly string _origin;
        private readonly string _directory;

        internal PageBase(PageLinkResolver resolver, Uri baseUri)
        {
            _resolver = resolver;
            _baseUri = baseUri;
            _origin = UrlCanonicalizer.OriginOf(baseUri);
            var path = baseUri.GetLeftPart(UriPartial.Path);
            _directory = path[..(path.LastIndexOf('/') + 1)];
        }

        /// <summary>The canonical URL <paramref name="href"/> names; null when it names no http(s) page.</summary>
        public Uri? PageUrlOf(string href)
        {
            var text = href.AsSpan().Trim();
            if (text.IsEmpty || text[0] is '?' or '#')
                return Resolve(href, _baseUri);
            var scope = text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
                        text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? ""
                : text[0] == '/' ? _origin : _directory;
            return _resolver.Remembered(scope, href, _baseUri);
        }
    }
}
