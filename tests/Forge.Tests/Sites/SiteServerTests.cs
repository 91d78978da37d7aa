using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pursearch.Core.Catalog;
using Pursearch.Forge.Rendering;
using Pursearch.Forge.Sites;

namespace Pursearch.Forge.Tests.Sites;

public sealed partial class SiteServerTests : IAsyncLifetime
{
    private ForgeSiteServer _server = null!;
    private readonly HttpClient _http = TestWorld.RawClient();

    public async Task InitializeAsync() => _server = await ForgeSiteServer.StartAsync(TestWorld.Options());

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Every_retailer_gets_its_own_shop_on_its_own_port_with_its_own_markup()
    {
        Assert.Equal(_server.World.Retailers.Select(r => r.Slug), _server.Sites.Select(s => s.Retailer.Slug));
        Assert.Equal(_server.Sites.Count, _server.Sites.Select(s => s.BaseUri.Port).Distinct().Count());
        Assert.Equal(4, _server.Sites.Select(s => s.Layout.Markup).Distinct().Count());
        Assert.Contains(_server.Sites, s => s.Layout.Listing == ListingStyle.QueryPages);
        Assert.Contains(_server.Sites, s => s.Layout.Listing == ListingStyle.RelNextPages);
    }

    [Fact]
    public async Task Robots_txt_disallows_private_areas_asks_for_a_crawl_delay_and_names_the_sitemap()
    {
        var site = _server.Site("rue");
        var robots = await GetStringAsync(site.Url("/robots.txt"));

        Assert.Contains("User-agent: *", robots);
        Assert.Contains("Disallow: /cart", robots);
        Assert.Contains("Disallow: /*sort=", robots);
        Assert.Contains("Allow: /account/help", robots);
        Assert.Contains("Crawl-delay: 0.05", robots);
        Assert.Contains($"Sitemap: {site.Url("/sitemap_index.xml")}", robots);
    }

    [Fact]
    public async Task The_sitemap_index_names_two_children_one_gzipped_which_together_list_every_product_once()
    {
        foreach (var site in _server.Sites)
        {
            var index = XDocument.Parse(await GetStringAsync(site.Url("/sitemap_index.xml")));
            var children = index.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value)).ToList();
            Assert.Equal(2, children.Count);
            Assert.EndsWith(".xml.gz", children[1].AbsolutePath);
            var gzipped = await _http.GetByteArrayAsync(children[1]);
            Assert.Equal([0x1f, 0x8b], gzipped[..2]);
            var pages = new List<string>();
            pages.AddRange(Locations(await GetStringAsync(children[0])));
            pages.AddRange(Locations(Encoding.UTF8.GetString(Gunzip(gzipped))));
            var expected = _server.Catalog.Listed(site.Retailer).Select(i => site.Url(i.PagePath).AbsoluteUri);
            Assert.Equal(expected.Order(), pages.Order());
        }
    }

    [Fact]
    public async Task Listing_pages_link_every_product_and_page_on_by_query_or_rel_next()
    {
        foreach (var site in _server.Sites)
        {
            var found = new HashSet<string>();
            var page = site.Url(site.Layout.ListingPath(1));
            var pages = 0;
            while (page is not null)
            {
                var html = await GetStringAsync(page);
                pages++;
                foreach (Match link in ProductLink().Matches(html))
                    found.Add(new Uri(page, link.Groups[1].Value).AbsolutePath);
                var next = site.Layout.Listing == ListingStyle.RelNextPages
                    ? RelNext().Match(html)
                    : NextAnchor().Match(html);
                page = next.Success ? new Uri(page, WebUtility.HtmlDecode(next.Groups[1].Value)) : null;
                if (site.Layout.Listing == ListingStyle.RelNextPages && next.Success)
                    Assert.Contains("<link rel=\"next\"", html);
            }
            var listed = _server.Catalog.Listed(site.Retailer);
            Assert.Equal(listed.Select(i => i.PagePath).Order(), found.Order());
            Assert.Equal((listed.Count + ShopLayout.PageSize - 1) / ShopLayout.PageSize, pages);
        }
    }

    [Fact]
    public async Task Product_pages_carry_the_shop_markup_and_write_prices_as_the_shop_does()
    {
        var expectations = new Dictionary<string, string[]>
        {
            ["rue"] = ["application/ld+json", "\"@type\":\"Product\"", "\"priceCurrency\":\"USD\"", ">$"],
            ["marlowe"] = ["\"@graph\"", "\"ImageObject\"", "\"price\":\"$"],
            ["saint-clair"] = ["itemtype=\"https://schema.org/Product\"", "itemprop=\"price\"", "\u00A0€</span>"],
            ["harlow"] = ["property=\"og:type\" content=\"product\"", "class=\"product-price\">GBP "],
        };
        foreach (var (slug, needles) in expectations)
        {
            var site = _server.Site(slug);
            var item = _server.Catalog.Listed(site.Retailer)[0];
            var html = await GetStringAsync(site.Url(item.PagePath));
            foreach (var needle in needles)
                Assert.Contains(needle, html);
            Assert.Contains(item.Product.Name.Replace("&", "&amp;"), html);
        }
        var harlow = _server.Site("harlow");
        Assert.DoesNotContain("price:amount", await GetStringAsync(harlow.Url(_server.Catalog.Listed(harlow.Retailer)[0].PagePath)));
    }

    [Theory]
    [InlineData(1290.0, "USD", PriceStyle.SymbolFirst, "$1,290.00")]
    [InlineData(1290.0, "EUR", PriceStyle.Continental, "1.290,00\u00A0€")]
    [InlineData(75.0, "GBP", PriceStyle.CodeFirst, "GBP 75")]
    [InlineData(1290.5, "GBP", PriceStyle.CodeFirst, "GBP 1,290.50")]
    [InlineData(28.9, "USD", PriceStyle.SymbolFirst, "$28.90")]
    public void Prices_are_written_in_each_shop_style(double amount, string currency, PriceStyle style, string expected) =>
        Assert.Equal(expected, PriceText.Format(new Core.Money.Money((decimal)amount, currency), style));

    [Theory]
    [InlineData("/p/%20")]
    [InlineData("/p/")]
    [InlineData("/img/r-00001-v99999999999.jpg")]
    [InlineData("/img/nothing.jpg")]
    [InlineData("/bags?page=0")]
    [InlineData("/bags?page=abc")]
    [InlineData("/collection/page/99")]
    public async Task Odd_paths_answer_404_not_500(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(_server.Site("rue").Url(path)));

    [Fact]
    public async Task Pages_carry_validators_and_answer_304_until_the_product_changes()
    {
        var item = _server.Catalog.Listed(_server.World.Retailers[2])[0];
        var url = _server.PageUrlOf(item);
        using var first = await _http.GetAsync(url);
        var etag = first.Headers.ETag!.ToString();
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.Equal(item.LastModified, lastModified);

        Assert.Equal(HttpStatusCode.NotModified, await StatusAsync(url, ("If-None-Match", etag)));
        Assert.Equal(HttpStatusCode.NotModified, await StatusAsync(url, ("If-Modified-Since", lastModified.ToString("R"))));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(url, ("If-None-Match", "\"something-else\"")));

        ChangeUntil(CatalogChange.Price, item.Id);
        using var changed = await SendAsync(url, ("If-None-Match", etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.ToString());
        Assert.True(changed.Content.Headers.LastModified > lastModified);
    }

    [Fact]
    public async Task Text_is_gzipped_when_asked_for_and_images_never_are()
    {
        var item = _server.Catalog.Listed(_server.World.Retailers[0])[0];
        using var plain = await _http.GetAsync(_server.PageUrlOf(item));
        var html = await plain.Content.ReadAsByteArrayAsync();
        using var zipped = await SendAsync(_server.PageUrlOf(item), ("Accept-Encoding", "gzip"));

        Assert.Equal(["gzip"], zipped.Content.Headers.ContentEncoding);
        Assert.Equal(html, Gunzip(await zipped.Content.ReadAsByteArrayAsync()));
        using var image = await SendAsync(_server.ImageUrlOf(item), ("Accept-Encoding", "gzip"));
        Assert.Empty(image.Content.Headers.ContentEncoding);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Photos_come_from_the_renderer_and_a_changed_photo_moves_to_a_new_url()
    {
        var item = _server.Catalog.Listed(_server.World.Retailers[1])[1];
        var bytes = await _http.GetByteArrayAsync(_server.ImageUrlOf(item));
        Assert.Equal(ProductShotRenderer.RenderJpeg(_server.World, item.Product), bytes);
        Assert.Equal($"/img/{item.Sku}.jpg", item.ImagePath);

        ChangeUntil(CatalogChange.Image, item.Id);
        var changed = _server.Find(item.Id)!;
        Assert.Equal($"/img/{item.Sku}-v2.jpg", changed.ImagePath);
        var reshoot = await _http.GetByteArrayAsync(_server.ImageUrlOf(changed));
        Assert.NotEqual(bytes, reshoot);
        Assert.Equal([0xFF, 0xD8], reshoot[..2]);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(_server.ImageUrlOf(item)));
    }

    [Fact]
    public async Task Switches_pick_deterministic_disjoint_fractions_and_are_reachable_over_http()
    {
        await using var twin = await ForgeSiteServer.StartAsync(TestWorld.Options());
        var listed = _server.Catalog.Listed().Count;

        var prices = _server.Catalog.Change(CatalogChange.Price, 0.05);
        var images = _server.Catalog.Change(CatalogChange.Image, 0.05);
        Assert.Equal((int)Math.Round(0.05 * listed, MidpointRounding.AwayFromZero), prices.Count);
        Assert.Empty(prices.Intersect(images));
        Assert.Equal(prices, twin.Catalog.Change(CatalogChange.Price, 0.05));

        var before = _server.World.Products.ToDictionary(p => p.Id, p => p.Price);
        Assert.All(prices, id => Assert.NotEqual(before[id], _server.Find(id)!.Price));
        Assert.All(prices, id => Assert.Equal(twin.Find(id)!.Price, _server.Find(id)!.Price));
        Assert.All(images, id => Assert.Equal(before[id], _server.Find(id)!.Price));
        Assert.All(images, id => Assert.Equal(1, _server.Find(id)!.ImageRevision));

        using var response = await _http.PostAsync(_server.Sites[0].Url("/_forge/change?kind=delist&fraction=0.03"), null);
        response.EnsureSuccessStatusCode();
        var delisted = Regex.Matches(await response.Content.ReadAsStringAsync(), "\"([a-z-]+:[A-Za-z0-9-]+)\"")
            .Select(m => ProductId.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal((int)Math.Round(0.03 * listed, MidpointRounding.AwayFromZero), delisted.Count);
        Assert.All(delisted, id => Assert.Null(_server.Find(id)));
        var gone = _server.World.Products.First(p => p.Id == delisted[0]);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(_server.Site(gone.Retailer.Slug).Url($"/p/{gone.Sku}")));
        var lines = await GetStringAsync(_server.Sites[0].Url("/_forge/catalog.jsonl"));
        Assert.Equal(listed - delisted.Count, lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await _http.PostAsync(_server.Sites[0].Url("/_forge/change?kind=colour&fraction=0.1"), null)).StatusCode);
    }

    [Fact]
    public async Task Every_request_is_logged_with_site_host_path_and_status_also_to_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"forge-log-{Guid.NewGuid():N}.tsv");
        try
        {
            await using (var server = await ForgeSiteServer.StartAsync(TestWorld.Options() with { RequestLogFile = file }))
            {
                var site = server.Site("harlow");
                await _http.GetAsync(site.Url("/robots.txt"));
                await _http.GetAsync(site.Url("/nothing-here"));

                var entries = server.Log.Of("harlow");
                Assert.Equal(["/robots.txt", "/nothing-here"], entries.Select(e => e.Path));
                Assert.Equal([200, 404], entries.Select(e => e.Status));
                Assert.All(entries, e => Assert.Equal($"{site.BaseUri.Host}:{site.BaseUri.Port}", e.Host));
                Assert.True(entries[0].Elapsed <= entries[1].Elapsed);
            }
            var lines = await File.ReadAllLinesAsync(file);
            Assert.Equal(2, lines.Length);
            Assert.Equal(["harlow", "GET", "/nothing-here", "404"], lines[1].Split('\t')[1..].Where((_, i) => i != 1).Take(4));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_base_port_puts_the_shops_on_consecutive_ports()
    {
        var basePort = 20000 + Random.Shared.Next(20000);
        await using var server = await ForgeSiteServer.StartAsync(TestWorld.Options() with { BasePort = basePort });
        Assert.Equal(Enumerable.Range(basePort, server.Sites.Count), server.Sites.Select(s => s.BaseUri.Port));
    }

    private void ChangeUntil(CatalogChange change, ProductId id)
    {
        for (var i = 0; i < _server.Catalog.Listed().Count && !_server.Catalog.Change(change, 0.01).Contains(id); i++)
        {
        }
    }

    private async Task<string> GetStringAsync(Uri url)
    {
        using var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpStatusCode> StatusAsync(Uri url, params (string Name, string Value)[] headers)
    {
        using var response = await SendAsync(url, headers);
        return response.StatusCode;
    }

    private Task<HttpResponseMessage> SendAsync(Uri url, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return _http.SendAsync(request);
    }

    private static IEnumerable<string> Locations(string xml) =>
        XDocument.Parse(xml).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value);

    private static byte[] Gunzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
            gzip.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex("<li class=\"tile\"><a href=\"([^\"]+)\"")]
    private static partial Regex ProductLink();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex RelNext();

    [GeneratedRegex("<a href=\"(\\?page=[0-9]+)\">Next</a>")]
    private static partial Regex NextAnchor();
}
