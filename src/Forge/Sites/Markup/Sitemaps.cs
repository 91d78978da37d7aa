using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace Pursearch.Forge.Sites.Markup;

/// <summary>A shop's sitemaps: an index naming two child sitemaps, the second gzip-compressed, splitting the products in half.</summary>
public static class Sitemaps
{
    public const string IndexPath = "/sitemap_index.xml";
    public const string FirstPath = "/sitemaps/products-1.xml";
    public const string SecondPath = "/sitemaps/products-2.xml.gz";

    public static string Index(SiteLinks links) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>{Loc(links, FirstPath)}</loc></sitemap>
        <sitemap><loc>{Loc(links, SecondPath)}</loc></sitemap>
        </sitemapindex>
        """;

    /// <summary>The URL set of half <paramref name="half"/> (1 or 2) of the listed products.</summary>
    public static string Products(IReadOnlyList<ShopItem> listed, int half, SiteLinks links)
    {
        var split = (listed.Count + 1) / 2;
        var items = half == 1 ? listed.Take(split) : listed.Skip(split);
        var urls = string.Concat(items.Select(item =>
            $"<url><loc>{Loc(links, item.PagePath)}</loc><lastmod>{item.LastModified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</lastmod></url>\n"));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            {urls}</urlset>
            """;
    }

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    private static string Loc(SiteLinks links, string path) => WebUtility.HtmlEncode(links.Absolute(path));
}
