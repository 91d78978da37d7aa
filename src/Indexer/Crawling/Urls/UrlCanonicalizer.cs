using System.Collections.Frozen;
using System.Text;

namespace Pursearch.Indexer.Crawling.Urls;

/// <summary>
/// Turns equivalent http(s) URLs into one spelling: lower-case scheme and host, no default port or fragment,
/// normalised percent-encoding, no session path parameters, tracking parameters dropped, query parameters sorted.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly FrozenSet<string> TrackingParameters = new[]
    {
        "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "yclid", "twclid", "ttclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "srsltid", "sessionid", "jsessionid",
        "phpsessid", "sid", "spm", "ref_src",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] SessionPathParameters = [";jsessionid=", ";sessionid=", ";sid="];

    /// <summary>Resolves <paramref name="href"/> against <paramref name="baseUri"/> and canonicalises it; false for non-http(s) or malformed links.</summary>
    public static bool TryCanonicalize(string? href, Uri? baseUri, out Uri canonical)
    {
        canonical = null!;
        var text = href?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 8192)
            return false;
        if (baseUri is not null && IsPlainPath(text) && IsHttp(baseUri))
        {
            canonical = new Uri(OriginOf(baseUri) + text, UriKind.Absolute);
            return true;
        }
        Uri? resolved;
        var ok = baseUri is null
            ? Uri.TryCreate(text, UriKind.Absolute, out resolved)
            : Uri.TryCreate(baseUri, text, out resolved);
        if (!ok || resolved is null || !IsHttp(resolved))
            return false;
        canonical = Canonicalize(resolved);
        return true;
    }

    /// <summary>Canonicalises an absolute http(s) URL.</summary>
    /// <exception cref="ArgumentException">The URL is relative or not http(s).</exception>
    public static Uri Canonicalize(Uri url)
    {
        if (!IsHttp(url))
            throw new ArgumentException($"'{url}' is not an absolute http(s) URL", nameof(url));
        var text = new StringBuilder(url.OriginalString.Length);
        text.Append(url.Scheme.ToLowerInvariant()).Append("://").Append(HostOf(url));
        if (!url.IsDefaultPort)
            text.Append(':').Append(url.Port);
        text.Append(CanonicalPath(url.AbsolutePath));
        var query = CanonicalQuery(url.Query);
        if (query.Length > 0)
            text.Append('?').Append(query);
        // Most URLs the crawler sees are canonical already (its own links): keep the instance instead of parsing again.
        return text.Equals(url.OriginalString.AsSpan()) ? url : new Uri(text.ToString(), UriKind.Absolute);
    }

    public static bool IsTrackingParameter(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);

    /// <summary>The origin (<c>scheme://host[:port]</c>) a URL belongs to: the unit of robots.txt and politeness.</summary>
    public static string OriginOf(Uri url) =>
        url.IsDefaultPort
            ? $"{url.Scheme.ToLowerInvariant()}://{HostOf(url)}"
            : $"{url.Scheme.ToLowerInvariant()}://{HostOf(url)}:{url.Port}";

    /// <summary>
    /// An absolute path that canonicalises to itself once resolved: only unreserved characters and slashes, no dot
    /// segments, empty segments, escapes, query or fragment — most links of a shop page (e.g. <c>/p/rue-1042</c>).
    /// </summary>
    private static bool IsPlainPath(string href)
    {
        if (href.Length < 2 || href[0] != '/' || href.Contains("//", StringComparison.Ordinal) ||
            href.Contains("/.", StringComparison.Ordinal))
            return false;
        foreach (var c in href)
            if (!(c == '/' || PercentEncoding.IsUnreserved(c)))
                return false;
        return true;
    }

    private static bool IsHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Length > 0;

    // An ASCII host is its own IDN form: skip the ICU mapping, which is the dearest part of canonicalising a link.
    private static string HostOf(Uri url) =>
        (url.HostNameType == UriHostNameType.IPv6 || Ascii.IsValid(url.Host) ? url.Host : url.IdnHost).ToLowerInvariant().TrimEnd('.');

    private static string CanonicalPath(string path)
    {
        foreach (var marker in SessionPathParameters)
        {
            var at = path.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var end = path.IndexOfAny(['/', ';'], at + 1);
                path = end < 0 ? path[..at] : path[..at] + path[end..];
            }
        }
        return path.Length == 0 ? "/" : PercentEncoding.Normalize(path);
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
            return "";
        var pairs = query[1..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(PercentEncoding.Normalize)
            .Where(pair => !IsTrackingParameter(NameOf(pair)))
            .OrderBy(NameOf, StringComparer.Ordinal)
            .ThenBy(pair => pair, StringComparer.Ordinal);
        return string.Join('&', pairs);
    }

    private static string NameOf(string pair)
    {
        var equals = pair.IndexOf('=');
        return equals < 0 ? pair : pair[..equals];
    }
}
