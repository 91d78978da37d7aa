using Pursearch.Indexer.Crawling.Extraction;

namespace Pursearch.Indexer.Tests.Crawling;

public class PageLinkResolverTests
{
    private static readonly Uri[] Bases =
    [
        new("https://shop.example/"), new("https://shop.example/p/hf-00001"), new("https://shop.example/p/hf-00002?colour=red"),
        new("https://shop.example/bags/page/2"), new("https://shop.example/bags/"), new("http://shop.example/p/hf-00001"),
        new("https://shop.example:8443/p/hf-00001"), new("https://other.example/p/hf-00001"),
    ];

    private static readonly string[] Hrefs =
    [
        "https://shop.example/cart", "HTTPS://Shop.Example/cart?utm_source=x", "/cart", " /account/help ", "//cdn.example/p/x",
        "../cart", "hf-00003", "./hf-00003", "../../p/hf-00004", "?page=3", "#reviews", "", "mailto:help@shop.example",
        "/img/x.jpg", "javascript:void(0)", "http:relative",
    ];

    [Fact]
    public void A_resolver_shared_by_every_page_resolves_each_link_as_a_fresh_one_would()
    {
        var shared = new PageLinkResolver();
        // Twice over every page, in two orders: a remembered href must resolve as it does on the page that asks now.
        foreach (var pageBase in Bases.Concat(Bases.Reverse()))
            foreach (var href in Hrefs)
                Assert.Equal(new PageLinkResolver().On(pageBase).PageUrlOf(href)?.AbsoluteUri,
                    shared.On(pageBase).PageUrlOf(href)?.AbsoluteUri);
        Assert.InRange(shared.Count, 1, Bases.Length * Hrefs.Length);
    }

    [Fact]
    public void Links_repeated_across_pages_are_resolved_once_and_relative_ones_per_directory()
    {
        var resolver = new PageLinkResolver();
        var first = resolver.On(new Uri("https://shop.example/p/hf-00001"));
        var second = resolver.On(new Uri("https://shop.example/p/hf-00002"));
        Assert.Same(first.PageUrlOf("/cart"), second.PageUrlOf("/cart"));
        Assert.Same(first.PageUrlOf("../bags"), second.PageUrlOf("../bags"));
        Assert.Equal("https://shop.example/bags", second.PageUrlOf("../bags")!.AbsoluteUri);
        Assert.Equal("https://shop.example/bags/bags",
            resolver.On(new Uri("https://shop.example/bags/p/x")).PageUrlOf("../bags")!.AbsoluteUri);
        Assert.Equal("https://shop.example/p/hf-00002?page=2", second.PageUrlOf("?page=2")!.AbsoluteUri);
        Assert.Null(first.PageUrlOf("/img/bag.jpg"));
    }

    [Fact]
    public void A_full_resolver_keeps_resolving_without_remembering_more()
    {
        var resolver = new PageLinkResolver(capacity: 2);
        var page = resolver.On(new Uri("https://shop.example/"));
        for (var i = 0; i < 50; i++)
            Assert.Equal($"https://shop.example/p/{i}", page.PageUrlOf($"/p/{i}")!.AbsoluteUri);
        Assert.Equal(2, resolver.Count);
    }
}
