using System.IO.Compression;
using System.Text;
using Pursearch.Indexer.Crawling.Extraction;

namespace Pursearch.Indexer.Tests.Crawling;

public class SitemapParserTests
{
    private static readonly Uri At = new("https://shop.example/sitemap.xml");

    private static SitemapDocument Parse(string text, int maxUrls = 1000, bool plain = false) =>
        SitemapParser.Parse(Encoding.UTF8.GetBytes(text), At, 1_000_000, maxUrls, plain);

    [Fact]
    public void Reads_a_sitemap_index()
    {
        var sitemap = Parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://shop.example/sitemap-bags.xml</loc><lastmod>2026-11-01</lastmod></sitemap>
              <sitemap><loc> /sitemap-more.xml.gz </loc></sitemap>
            </sitemapindex>
            """);
        Assert.Equal(SitemapKind.Index, sitemap.Kind);
        Assert.Equal(["https://shop.example/sitemap-bags.xml", "https://shop.example/sitemap-more.xml.gz"],
            sitemap.Locations.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Reads_a_gzipped_urlset_with_any_namespace_prefix()
    {
        const string xml = """
            <sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sm:url><sm:loc>https://shop.example/p/1</sm:loc></sm:url><sm:url><sm:loc>https://shop.example/p/2?a=1&amp;b=2</sm:loc></sm:url>
              <sm:url><sm:loc>ftp://shop.example/no</sm:loc></sm:url>
            </sm:urlset>
            """;
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(xml));
        var body = packed.ToArray();
        Assert.True(SitemapParser.LooksLikeSitemap(body, "application/octet-stream"));
        var sitemap = SitemapParser.Parse(body, At, 1_000_000, 1000);
        Assert.Equal(SitemapKind.UrlSet, sitemap.Kind);
        Assert.Equal(["https://shop.example/p/1", "https://shop.example/p/2?a=1&b=2"], sitemap.Locations.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Caps_the_url_count()
    {
        var xml = "<urlset>" + string.Concat(Enumerable.Range(0, 10).Select(i => $"<url><loc>https://shop.example/p/{i}</loc></url>")) + "</urlset>";
        var sitemap = Parse(xml, maxUrls: 4);
        Assert.Equal(4, sitemap.Locations.Count);
        Assert.True(sitemap.Truncated);
    }

    [Fact]
    public void Reads_plain_text_sitemaps_only_when_a_sitemap_was_expected()
    {
        Assert.Equal(2, Parse("https://shop.example/p/1\nhttps://shop.example/p/2\n", plain: true).Locations.Count);
        Assert.Throws<SitemapFormatException>(() => Parse("https://shop.example/p/1\n"));
    }

    [Fact]
    public void A_sitemap_after_a_byte_order_mark_and_blank_lines_is_read_as_xml()
    {
        var sitemap = Parse("\uFEFF\n \n<urlset><url><loc>https://shop.example/p/1</loc></url></urlset>", plain: true);
        Assert.Equal(SitemapKind.UrlSet, sitemap.Kind);
        Assert.Equal(["https://shop.example/p/1"], sitemap.Locations.Select(u => u.AbsoluteUri));
    }

    [Theory]
    [InlineData("<urlset><url><loc>https://shop.example/p/1</loc></url>")]
    [InlineData("<html><body>not a sitemap</body></html>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY x \"y\">]><urlset><url><loc>&x;</loc></url></urlset>")]
    [InlineData("")]
    public void Malformed_sitemaps_raise_a_format_error(string text) =>
        Assert.Throws<SitemapFormatException>(() => Parse(text));

    [Fact]
    public void A_gzip_bomb_is_cut_at_the_size_limit()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(new byte[5_000_000]);
        var error = Assert.Throws<SitemapFormatException>(() => SitemapParser.Parse(packed.ToArray(), At, 1_000_000, 10));
        Assert.Contains("larger than", error.Message);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html></html>", "text/html", false)]
    [InlineData("<?xml version='1.0'?><urlset/>", "text/html", true)]
    [InlineData("<?xml version='1.0'?><feed/>", "application/xml", true)]
    [InlineData("<html xmlns='http://www.w3.org/1999/xhtml'></html>", "application/xhtml+xml", false)]
    [InlineData("\uFEFF \r\n<!doctype HTML><html></html>", "application/xml", false)]
    [InlineData("\n\t<HTML><body></body></HTML>", "text/xml", false)]
    [InlineData(" \r\n\uFEFF<html><body></body></html>", "application/xml", false)]
    [InlineData("\uFEFF\n<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>", "text/plain", true)]
    public void Sniffs_sitemaps(string body, string contentType, bool expected) =>
        Assert.Equal(expected, SitemapParser.LooksLikeSitemap(Encoding.UTF8.GetBytes(body), contentType));
}
