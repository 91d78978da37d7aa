using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Tests.Crawling;

public class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTP://Shop.Example:80/Bags", "http://shop.example/Bags")]
    [InlineData("https://shop.example:443/", "https://shop.example/")]
    [InlineData("https://shop.example:8443/a", "https://shop.example:8443/a")]
    [InlineData("https://shop.example", "https://shop.example/")]
    [InlineData("https://shop.example/a#reviews", "https://shop.example/a")]
    [InlineData("https://shop.example/a?", "https://shop.example/a")]
    [InlineData("https://shop.example/a?b=2&a=1&a=0", "https://shop.example/a?a=0&a=1&b=2")]
    [InlineData("https://shop.example/a?utm_source=x&id=7&UTM_Medium=y&gclid=z&fbclid=q", "https://shop.example/a?id=7")]
    [InlineData("https://shop.example/a;jsessionid=ABC123?x=1", "https://shop.example/a?x=1")]
    [InlineData("https://shop.example/a/./b/../c", "https://shop.example/a/c")]
    [InlineData("https://shop.example/%7Ebag/%e2%82%ac", "https://shop.example/~bag/%E2%82%AC")]
    [InlineData("https://shop.example/caf\u00e9", "https://shop.example/caf%C3%A9")]
    [InlineData("https://SHOP.example./x", "https://shop.example/x")]
    public void Canonicalises(string input, string expected)
    {
        Assert.True(UrlCanonicalizer.TryCanonicalize(input, null, out var url));
        Assert.Equal(expected, url.AbsoluteUri);
    }

    [Theory]
    [InlineData("../b?x=1#top", "https://shop.example/b?x=1")]
    [InlineData("//cdn.example/img.jpg", "https://cdn.example/img.jpg")]
    [InlineData("/p/1", "https://shop.example/p/1")]
    [InlineData("?page=2", "https://shop.example/list/a?page=2")]
    public void Resolves_relative_links(string href, string expected)
    {
        Assert.True(UrlCanonicalizer.TryCanonicalize(href, new Uri("https://shop.example/list/a"), out var url));
        Assert.Equal(expected, url.AbsoluteUri);
    }

    [Theory]
    [InlineData("/p/rue-1042")]
    [InlineData("/bags/Tote_2~x.y-z/")]
    [InlineData("/p/caf\u00e9")]
    [InlineData("/p/%7Ebag")]
    [InlineData("/p//double")]
    [InlineData("/a/./b/../c")]
    [InlineData("/.well-known/x")]
    [InlineData("/p;jsessionid=1")]
    [InlineData("/p/1?b=2&a=1#top")]
    public void Absolute_path_links_resolve_as_their_absolute_spelling_does(string path)
    {
        foreach (var baseUrl in new[] { "https://shop.example/list/a", "HTTP://Shop.Example:8080/x?page=2", "https://shop.example./" })
        {
            var origin = new Uri(baseUrl).GetLeftPart(UriPartial.Authority);
            Assert.True(UrlCanonicalizer.TryCanonicalize(path, new Uri(baseUrl), out var resolved));
            Assert.True(UrlCanonicalizer.TryCanonicalize(origin + path, null, out var spelled));
            Assert.Equal(spelled.AbsoluteUri, resolved.AbsoluteUri);
            Assert.Equal(spelled.OriginalString, resolved.OriginalString);
        }
    }

    [Fact]
    public void A_canonical_url_is_returned_as_it_is()
    {
        var url = new Uri("https://shop.example/p/1?a=1&b=2");
        Assert.Same(url, UrlCanonicalizer.Canonicalize(url));
        Assert.NotSame(url, UrlCanonicalizer.Canonicalize(new Uri("https://Shop.example/p/1?a=1&b=2")));
    }

    [Theory]
    [InlineData("mailto:a@b.c")]
    [InlineData("javascript:void(0)")]
    [InlineData("tel:+123")]
    [InlineData("ftp://shop.example/x")]
    [InlineData("")]
    [InlineData("   ")]
    public void Refuses_non_http_links(string href) =>
        Assert.False(UrlCanonicalizer.TryCanonicalize(href, new Uri("https://shop.example/"), out _));

    [Fact]
    public void Is_idempotent()
    {
        var once = UrlCanonicalizer.Canonicalize(new Uri("https://Shop.example/a b/%7e?z=1&utm_x=2&a=%2f"));
        Assert.Equal(once, UrlCanonicalizer.Canonicalize(once));
    }

    [Fact]
    public void Origin_is_scheme_host_and_non_default_port()
    {
        Assert.Equal("https://shop.example", UrlCanonicalizer.OriginOf(new Uri("https://SHOP.example:443/a")));
        Assert.Equal("http://127.0.0.1:5000", UrlCanonicalizer.OriginOf(new Uri("http://127.0.0.1:5000/a")));
    }

    [Theory]
    [InlineData("https://shop.example/a", true)]
    [InlineData("http://shop.example:8080/a", true)]
    [InlineData("https://www.shop.example/a", true)]
    [InlineData("https://img.cdn.example/a", true)]
    [InlineData("https://cdn.example/a", false)]
    [InlineData("http://127.0.0.1:5000/a", true)]
    [InlineData("http://127.0.0.1:5001/a", false)]
    [InlineData("https://evil.example/shop.example", false)]
    [InlineData("ftp://shop.example/a", false)]
    public void Scope_admits_listed_hosts_ports_and_subdomain_wildcards(string url, bool inScope)
    {
        var scope = new CrawlScope(["shop.example", "www.shop.example", "*.cdn.example", "127.0.0.1:5000"]);
        Assert.Equal(inScope, scope.Contains(new Uri(url)));
    }

    [Fact]
    public void Scope_matches_host_and_port_of_a_long_host_too()
    {
        var host = string.Join('.', Enumerable.Range(0, 5).Select(i => new string((char)('a' + i), 60)));
        var scope = new CrawlScope([$"{host}:8080"]);
        Assert.True(scope.Contains(new Uri($"http://{host}:8080/a")));
        Assert.False(scope.Contains(new Uri($"http://{host}:8081/a")));
    }

    [Fact]
    public void Scope_of_start_urls_includes_the_www_twin()
    {
        var scope = CrawlScope.ForStartUrls([new Uri("https://shop.example/"), new Uri("http://127.0.0.1:5000/")]);
        Assert.True(scope.Contains(new Uri("https://www.shop.example/x")));
        Assert.True(scope.Contains(new Uri("http://127.0.0.1:5000/x")));
        Assert.False(scope.Contains(new Uri("http://127.0.0.1:5001/x")));
    }

    [Fact]
    public void Scope_rejects_malformed_entries() =>
        Assert.Throws<Core.DomainException>(() => new CrawlScope(["shop.example/path"]));
}
