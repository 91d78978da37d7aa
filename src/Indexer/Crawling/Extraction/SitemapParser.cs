using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>What kind of sitemap a document is.</summary>
public enum SitemapKind
{
    /// <summary>A <c>sitemapindex</c>: its locations are further sitemaps.</summary>
    Index,
    /// <summary>A <c>urlset</c> (or a plain-text list): its locations are pages.</summary>
    UrlSet,
}

/// <summary>A parsed sitemap: its kind and the absolute http(s) locations it lists.</summary>
public sealed record SitemapDocument(SitemapKind Kind, IReadOnlyList<Uri> Locations, bool Truncated);

/// <summary>A sitemap that is not well-formed XML, too large, or neither a sitemapindex nor a urlset.</summary>
public sealed class SitemapFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Parses sitemaps (sitemaps.org 0.9): <c>sitemapindex</c> and <c>urlset</c> in XML, gzip-compressed or not (detected by
/// its magic bytes), and plain-text lists of URLs. DTDs are refused, decompressed size and URL count are capped.
/// </summary>
public static class SitemapParser
{
    /// <summary>Whether a body looks like a sitemap (XML with a sitemap root, or gzip) rather than an HTML page.</summary>
    public static bool LooksLikeSitemap(byte[] body, string? contentType)
    {
        if (IsGzip(body))
            return true;
        // Every page passes here: the markers are ASCII, so the bytes are searched as they are, not decoded.
        var head = BodyStart.Of(body, 1024);
        if (head.IndexOf("<urlset"u8) >= 0 || head.IndexOf("<sitemapindex"u8) >= 0)
            return true;
        return contentType is not null && contentType.Contains("xml", StringComparison.OrdinalIgnoreCase) &&
               !contentType.Contains("xhtml", StringComparison.OrdinalIgnoreCase) &&
               !StartsWithIgnoringCase(head, "<!doctype html"u8) && !StartsWithIgnoringCase(head, "<html"u8);
    }

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);

    public static SitemapDocument Parse(byte[] body, Uri sitemapUrl, long maxBytes, int maxUrls, bool allowPlainText = false)
    {
        var content = IsGzip(body) ? Decompress(body, maxBytes) : body;
        if (!BodyStart.Of(content, 256).StartsWith("<"u8))
            return allowPlainText
                ? ParseText(content, sitemapUrl, maxUrls)
                : throw new SitemapFormatException("not an XML sitemap");
        return ParseXml(content, sitemapUrl, maxBytes, maxUrls);
    }

    private static SitemapDocument ParseXml(byte[] content, Uri sitemapUrl, long maxBytes, int maxUrls)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = maxBytes,
        };
        var locations = new List<Uri>();
        SitemapKind kind;
        var truncated = false;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
                throw new SitemapFormatException("empty sitemap");
            kind = reader.LocalName switch
            {
                "sitemapindex" => SitemapKind.Index,
                "urlset" => SitemapKind.UrlSet,
                _ => throw new SitemapFormatException($"root element <{reader.LocalName}> is not a sitemap"),
            };
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "loc" || reader.IsEmptyElement)
                {
                    reader.Read();
                    continue;
                }
                if (locations.Count >= maxUrls)
                {
                    truncated = true;
                    break;
                }
                if (Resolve(reader.ReadElementContentAsString(), sitemapUrl) is { } url)
                    locations.Add(url);
            }
        }
        catch (XmlException e)
        {
            throw new SitemapFormatException($"malformed sitemap XML: {e.Message}", e);
        }
        return new SitemapDocument(kind, locations, truncated);
    }

    private static SitemapDocument ParseText(byte[] content, Uri sitemapUrl, int maxUrls)
    {
        var lines = Encoding.UTF8.GetString(content).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var locations = lines.Select(line => Resolve(line, sitemapUrl)).OfType<Uri>().ToList();
        return new SitemapDocument(SitemapKind.UrlSet, locations.Take(maxUrls).ToList(), locations.Count > maxUrls);
    }

    private static Uri? Resolve(string text, Uri sitemapUrl) =>
        Uri.TryCreate(sitemapUrl, text.Trim(), out var url) &&
        (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;

    private static bool IsGzip(byte[] body) => body.Length >= 2 && body[0] == 0x1F && body[1] == 0x8B;

    private static byte[] Decompress(byte[] body, long maxBytes)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > maxBytes)
                    throw new SitemapFormatException($"sitemap larger than {maxBytes} bytes after decompression");
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new SitemapFormatException($"corrupt gzip: {e.Message}", e);
        }
    }
}
