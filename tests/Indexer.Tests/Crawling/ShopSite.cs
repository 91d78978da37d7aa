using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pursearch.Indexer.Tests.Crawling;

/// <summary>A product the shop serves and the crawl must extract exactly.</summary>
public sealed record ShopProduct(string Sku, string Brand, string Name, decimal Amount, string Currency, string ImagePath,
    string Availability, string PagePath);

/// <summary>
/// A small retailer site with every markup and fault the crawler must cope with: JSON-LD, microdata and OpenGraph
/// product pages, a listing with rel=next, a sitemap index with a gzipped child, robots.txt with Disallow and
/// Crawl-delay, 429 with Retry-After, a 5xx burst, a permanent 500, a redirect loop, an endless redirect chain,
/// oversized responses, a calendar
/// trap, a 404, a product without price and redirects in and out of scope.
/// </summary>
public static class ShopSite
{
    public const double CrawlDelaySeconds = 0.1;

    public static readonly ShopProduct[] Products =
    [
        new("JL-1", "Maison Ardent", "Ardent Flap Bag", 1290.00m, "USD", "/img/jl-1.jpg", "InStock", "/p/jsonld-1"),
        new("JL-2", "Rue", "Rue Chain Bag", 39.90m, "USD", "/img/jl-2.jpg", "OutOfStock", "/p/jsonld-2"),
        new("MD-1", "Kanvas", "Sac Cabas", 1290.00m, "EUR", "/img/md-1.jpg", "PreOrder", "/p/micro-1"),
        new("OG-1", "Rue", "Quilted Chain Bag", 75m, "GBP", "/img/og-1.jpg", "InStock", "/p/og-1"),
        new("BU-1", "Maison Ardent", "Burst Bag", 450m, "USD", "/img/bu-1.jpg", "InStock", "/p/burst"),
        new("LI-1", "Kanvas", "Limited Tote", 95m, "GBP", "/img/li-1.jpg", "InStock", "/p/limited"),
        new("LA-1", "Rue", "Listing Bag A", 120m, "USD", "/img/la-1.jpg", "InStock", "/p/list-a"),
        new("LB-1", "Rue", "Listing Bag B", 130m, "USD", "/img/lb-1.jpg", "InStock", "/p/list-b"),
        new("LC-1", "Rue", "Listing Bag C", 140m, "USD", "/img/lc-1.jpg", "InStock", "/p/list-c"),
        new("MV-1", "Kanvas", "Moved Bag", 60m, "EUR", "/img/mv-1.jpg", "InStock", "/p/moved-target"),
    ];

    public static Task<TestSite> StartAsync()
    {
        var attempts = new Dictionary<string, int>();
        return TestSite.StartAsync((context, site) =>
        {
            var path = context.Request.Path.Value ?? "/";
            int attempt;
            lock (attempts)
                attempts[path] = attempt = attempts.GetValueOrDefault(path) + 1;
            return Serve(context, site, path, attempt);
        });
    }

    private static async Task Serve(HttpContext context, TestSite site, string path, int attempt)
    {
        var response = context.Response;
        switch (path)
        {
            case "/robots.txt":
                await Text(response, "text/plain", $"""
                    User-agent: OtherBot
                    Disallow: /

                    User-agent: *
                    Disallow: /private/
                    Disallow: /*?sort=
                    Crawl-delay: {CrawlDelaySeconds}
                    Sitemap: {site.Url("/sitemap_index.xml")}
                    """);
                return;
            case "/sitemap_index.xml":
                await Text(response, "application/xml", $"""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                      <sitemap><loc>{site.Url("/sitemap-products.xml")}</loc></sitemap>
                      <sitemap><loc>/sitemap-more.xml.gz</loc></sitemap>
                    </sitemapindex>
                    """);
                return;
            case "/sitemap-products.xml":
                await Text(response, "application/xml", UrlSet(site, "/p/jsonld-1", "/p/jsonld-2", "/p/micro-1"));
                return;
            case "/sitemap-more.xml.gz":
                response.ContentType = "application/gzip";
                await response.Body.WriteAsync(Gzip(UrlSet(site, "/p/og-1", "/p/burst", "/p/limited")));
                return;
            case "/":
                await Html(response, Page("Home", """
                    <a href="/p/jsonld-1">Ardent</a> <a href="list?page=2" rel="next">Next</a>
                    <a href="/private/secret-bag">Secret</a> <a href="/list?sort=price">Sorted</a>
                    <a href="https://other.example/bags">Elsewhere</a> <a href="/calendar/2026-01">Events</a>
                    <a href="/loop-a">Loop</a> <a href="/broken">Broken</a> <a href="/huge">Huge</a>
                    <a href="/huge-stream">Huge stream</a> <a href="/p/no-price">No price</a> <a href="/p/gone">Gone</a>
                    <a href="/p/away">Away</a> <a href="/p/moved">Moved</a> <a href="/chain/1">Chain</a>
                    """));
                return;
            case "/list":
                var page = context.Request.Query["page"].ToString();
                await Html(response, page == "2"
                    ? Page("Page 2", "<a href='/p/list-a'>A</a><a href='/p/list-b'>B</a>", "<link rel='next' href='/list?page=3'>")
                    : Page("Page 3", "<a href='/p/list-c'>C</a>"));
                return;
            case "/p/burst" when attempt <= 2:
                response.StatusCode = 503;
                return;
            case "/p/limited" when attempt == 1:
                response.StatusCode = 429;
                response.Headers.RetryAfter = "1";
                return;
            case "/p/og-1":
                await OpenGraphPage(context, Products[3], site);
                return;
            case "/p/micro-1":
                await Html(response, MicrodataPage(Products[2]));
                return;
            case "/p/jsonld-2":
                await Html(response, JsonLdGraphPage(Products[1], site));
                return;
            case "/p/no-price":
                await Html(response, Page("No price", "", """
                    <script type="application/ld+json">{ "@type": "Product", "name": "Priceless", "sku": "NP-1", "brand": "Rue", "image": "/img/np.jpg" }</script>
                    """));
                return;
            case "/p/moved":
                response.Redirect("/p/moved-target", permanent: true);
                return;
            case "/p/away":
                response.Redirect("https://other.example/p/1");
                return;
            case "/loop-a":
                response.Redirect("/loop-b");
                return;
            case "/loop-b":
                response.Redirect("/loop-a");
                return;
            case "/broken":
                response.StatusCode = 500;
                return;
            case "/huge":
                response.ContentType = "text/html";
                response.ContentLength = 2 * 1024 * 1024;
                await response.Body.WriteAsync(new byte[2 * 1024 * 1024]);
                return;
            case "/huge-stream":
                response.ContentType = "text/html";
                for (var i = 0; i < 32; i++)
                    await response.Body.WriteAsync(Encoding.ASCII.GetBytes(new string('x', 64 * 1024)));
                return;
        }
        if (path.StartsWith("/chain/", StringComparison.Ordinal))
        {
            response.Redirect($"/chain/{int.Parse(path["/chain/".Length..]) + 1}");
            return;
        }
        if (path.StartsWith("/calendar/", StringComparison.Ordinal))
        {
            var month = DateTime.ParseExact(path["/calendar/".Length..], "yyyy-MM", null).AddMonths(1);
            await Html(response, Page("Calendar", $"<a href='/calendar/{month:yyyy-MM}'>Next month</a>"));
            return;
        }
        var product = Products.FirstOrDefault(p => p.PagePath == path);
        if (product is null)
        {
            response.StatusCode = 404;
            return;
        }
        await Html(response, JsonLdPage(product));
    }

    private static string JsonLdPage(ShopProduct p) => Page(p.Name, "<h1>" + p.Name + "</h1>", $$"""
        <script type="application/ld+json">
        { "@context": "https://schema.org", "@type": "Product", "name": "{{p.Name}}", "sku": "{{p.Sku}}",
          "brand": { "@type": "Brand", "name": "{{p.Brand}}" }, "image": "{{p.ImagePath}}",
          "offers": { "@type": "Offer", "price": "{{p.Amount:0.00}}", "priceCurrency": "{{p.Currency}}",
                      "availability": "https://schema.org/{{p.Availability}}" } }
        </script>
        """);

    private static string JsonLdGraphPage(ShopProduct p, TestSite site) => Page(p.Name, "", $$"""
        <script type="application/ld+json">
        { "@context": "https://schema.org", "@graph": [
          { "@type": "WebPage", "mainEntity": { "@id": "#product" } },
          { "@type": "Product", "@id": "#product", "name": "{{p.Name}}", "productID": "{{p.Sku}}", "brand": "{{p.Brand}}",
            "image": [ { "@type": "ImageObject", "contentUrl": "{{site.Url(p.ImagePath)}}" }, "/img/alt.jpg" ],
            "offers": { "@type": "AggregateOffer", "lowPrice": {{p.Amount}}, "highPrice": 99, "priceCurrency": "{{p.Currency}}",
                        "availability": "{{p.Availability}}" } } ] }
        </script>
        """);

    private static string MicrodataPage(ShopProduct p) => Page(p.Name, $"""
        <div itemscope itemtype="https://schema.org/Product">
          <h1 itemprop="name">{p.Name}</h1><span itemprop="sku">{p.Sku}</span>
          <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">{p.Brand}</span></div>
          <img itemprop="image" src="..{p.ImagePath}">
          <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
            <span itemprop="price">1.290,00 €</span>
            <link itemprop="availability" href="https://schema.org/{p.Availability}">
          </div>
        </div>
        """);

    private static async Task OpenGraphPage(HttpContext context, ShopProduct p, TestSite site)
    {
        var html = Page(p.Name, $"""
            <h1>{p.Name}</h1><div class="brand">{p.Brand}</div><div class="sku">SKU: {p.Sku}</div><span class="price">GBP 75</span>
            """, $"""
            <meta property="og:type" content="product"><meta property="og:title" content="{p.Name}">
            <meta property="og:image" content="{p.ImagePath}"><meta property="og:url" content="{site.Url(p.PagePath)}">
            <meta property="product:price:amount" content="75.00"><meta property="product:price:currency" content="GBP">
            """);
        // Served gzip-encoded: the crawler must decompress it.
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentEncoding = "gzip";
        await context.Response.Body.WriteAsync(Gzip(html));
    }

    private static string Page(string title, string body, string head = "") =>
        $"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>{body}</body></html>";

    private static string UrlSet(TestSite site, params string[] paths) =>
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" +
        string.Concat(paths.Select(p => $"<url><loc>{site.Url(p)}</loc></url>")) + "</urlset>";

    private static Task Html(HttpResponse response, string html) => Text(response, "text/html; charset=utf-8", html);

    private static Task Text(HttpResponse response, string contentType, string text)
    {
        response.ContentType = contentType;
        return response.WriteAsync(text);
    }

    private static byte[] Gzip(string text)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return packed.ToArray();
    }
}
