using System.Text;
using System.Text.Json;
using Pursearch.Core.Catalog;
using Pursearch.Indexer.Crawling.Extraction;

namespace Pursearch.Indexer.Tests.Crawling;

public class ExtractionTests
{
    private static readonly Uri PageUrl = new("https://shop.example/bags/ardent-flap");

    /// <summary>Extracts through the strict parser when it accepts the page, checked equal to the HTML5 parse.</summary>
    private static PageExtraction Extract(string html, Uri? url = null)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var extraction = ProductExtractor.Extract(HtmlPage.Parse(body, "text/html; charset=utf-8", url ?? PageUrl));
        var reference = ProductExtractor.Extract(HtmlPage.ParseHtml5(body, "text/html; charset=utf-8", url ?? PageUrl));
        Assert.Equal(JsonSerializer.Serialize(reference), JsonSerializer.Serialize(extraction));
        return extraction;
    }

    private static ExtractedProduct Single(string html)
    {
        var extraction = Extract(html);
        Assert.Empty(extraction.SkipReasons);
        return Assert.Single(extraction.Products);
    }

    private static string JsonLd(string json) =>
        $"<html><head><script type=\"application/ld+json\">{json}</script></head><body><h1>x</h1></body></html>";

    [Fact]
    public void Json_ld_product_with_offer_object()
    {
        var product = Single(JsonLd("""
            { "@context": "https://schema.org", "@type": "Product", "name": "Ardent Flap Bag", "sku": "MA-0042",
              "brand": { "@type": "Brand", "name": "Maison Ardent" }, "image": "/img/ma-0042.jpg", "color": "Noir",
              "model": "Ardent Flap", "gtin13": "4006381333931",
              "offers": { "@type": "Offer", "price": "1290.00", "priceCurrency": "EUR",
                          "availability": "https://schema.org/InStock", "url": "https://shop.example/bags/ardent-flap?utm_source=x" } }
            """));
        Assert.Equal("MA-0042", product.Sku);
        Assert.Equal("Ardent Flap Bag", product.Name);
        Assert.Equal("Maison Ardent", product.Brand);
        Assert.Equal(1290.00m, product.Price.Amount);
        Assert.Equal("EUR", product.Price.Currency.Code);
        Assert.Equal(new Uri("https://shop.example/img/ma-0042.jpg"), product.ImageUrl);
        Assert.Equal(new Uri("https://shop.example/bags/ardent-flap"), product.ProductUrl);
        Assert.Equal(Availability.InStock, product.Availability);
        Assert.Equal("Ardent Flap", product.Style);
        Assert.Equal("Noir", product.Colour);
        Assert.Equal("4006381333931", product.Gtin);
        Assert.Equal(ProductMarkup.JsonLd, product.Markup);
    }

    [Theory]
    [InlineData("\"productID\": \"P-1\", \"mpn\": \"M-1\", \"gtin\": \"G-1\"", "P-1", "G-1")]
    [InlineData("\"mpn\": \"M-1\", \"gtin8\": \"12345670\"", "M-1", "12345670")]
    [InlineData("\"gtin12\": \"012345678905\", \"gtin8\": \"12345670\"", "012345678905", "012345678905")]
    [InlineData("\"gtin14\": \"00012345678905\", \"gtin13\": \"4006381333931\"", "4006381333931", "4006381333931")]
    public void Json_ld_without_a_sku_is_identified_by_the_first_other_identifier(string identifiers, string sku, string gtin)
    {
        var product = Single(JsonLd($$"""
            { "@type": "Product", "name": "Hobo", "brand": "B", "image": "a.jpg", {{identifiers}},
              "offers": { "price": 5, "priceCurrency": "USD" } }
            """));
        Assert.Equal(sku, product.Sku);
        Assert.Equal(gtin, product.Gtin);
    }

    [Fact]
    public void Json_ld_graph_with_references_aggregate_offer_image_objects_and_brand_string()
    {
        var product = Single(JsonLd("""
            { "@context": "https://schema.org", "@graph": [
                { "@type": "WebPage", "@id": "#page", "mainEntity": { "@id": "#product" } },
                { "@type": ["Product", "Thing"], "@id": "#product", "name": "Rue Chain Bag", "productID": "rue-9",
                  "brand": "Rue", "image": [ { "@type": "ImageObject", "contentUrl": "https://cdn.example/rue-9.jpg" }, "https://cdn.example/rue-9b.jpg" ],
                  "offers": { "@id": "#offers" } },
                { "@type": "AggregateOffer", "@id": "#offers", "lowPrice": 39.9, "highPrice": 59.9, "priceCurrency": "USD",
                  "availability": "OutOfStock" } ] }
            """));
        Assert.Equal("rue-9", product.Sku);
        Assert.Equal("Rue", product.Brand);
        Assert.Equal(39.9m, product.Price.Amount);
        Assert.Equal([new Uri("https://cdn.example/rue-9.jpg"), new Uri("https://cdn.example/rue-9b.jpg")], product.ImageUrls);
        Assert.Equal(Availability.OutOfStock, product.Availability);
    }

    [Fact]
    public void Json_ld_offer_list_takes_the_cheapest_purchasable_offer()
    {
        var product = Single(JsonLd("""
            [ { "@type": "Organization", "name": "Shop" },
              { "@type": "http://schema.org/Product", "name": "Tote", "sku": 17, "brand": { "@type": "Organization", "name": "Kanvas" },
                "image": { "@type": "ImageObject", "url": "tote.jpg" },
                "offers": [ { "@type": "Offer", "price": 80, "priceCurrency": "GBP", "availability": "SoldOut" },
                            { "@type": "Offer", "price": "95.00", "priceCurrency": "GBP", "availability": "InStock" },
                            { "@type": "Offer", "priceSpecification": { "@type": "PriceSpecification", "price": 90, "priceCurrency": "GBP" },
                              "availability": "http://schema.org/InStock" } ] } ]
            """));
        Assert.Equal("17", product.Sku);
        Assert.Equal("Kanvas", product.Brand);
        Assert.Equal(90m, product.Price.Amount);
        Assert.Equal(new Uri("https://shop.example/bags/tote.jpg"), product.ImageUrl);
    }

    [Fact]
    public void Json_ld_product_group_yields_its_variants()
    {
        var extraction = Extract(JsonLd("""
            { "@context": "https://schema.org", "@type": "ProductGroup", "name": "Mini Flap", "productGroupID": "MF",
              "brand": { "@type": "Brand", "name": "Maison Ardent" }, "image": "https://cdn.example/mf.jpg",
              "hasVariant": [
                { "@type": "Product", "sku": "MF-BLK", "color": "Black", "offers": { "price": "450", "priceCurrency": "USD" } },
                { "@type": "Product", "sku": "MF-RED", "color": "Red", "image": "https://cdn.example/mf-red.jpg",
                  "offers": { "price": "450", "priceCurrency": "USD" } } ] }
            """));
        Assert.Equal(["MF-BLK", "MF-RED"], extraction.Products.Select(p => p.Sku));
        Assert.All(extraction.Products, p => Assert.Equal("MF", p.FamilyId));
        Assert.All(extraction.Products, p => Assert.Equal("Maison Ardent", p.Brand));
        Assert.Equal(new Uri("https://cdn.example/mf-red.jpg"), extraction.Products[1].ImageUrl);
    }

    [Fact]
    public void A_json_ld_block_with_a_duplicate_key_is_counted_malformed()
    {
        var extraction = Extract(JsonLd("""
            {"@type": "Product", "name": "Twin", "name": "Twin again", "sku": "D-1", "image": "/d.jpg",
             "offers": {"price": "10.00", "priceCurrency": "USD"}}
            """));

        Assert.Equal(1, extraction.MalformedJsonLd);
        Assert.Empty(extraction.Products);
    }

    [Theory]
    [InlineData("\n  {\"sku\": \"A-1\"}\n")]
    [InlineData("//<![CDATA[\n{\"sku\": \"A-1\"}\n//]]>")]
    [InlineData(" <![CDATA[{\"sku\": \"A-1\"}]]> ")]
    [InlineData("<!-- {\"sku\": \"A-1\"} -->")]
    [InlineData("\u00A0{\"sku\": \"A-1\"}\u00A0")]
    [InlineData("{\"sku\":\n \"A-1\"}")]
    public void Json_ld_blocks_parse_inside_whitespace_and_script_wrappers(string block)
    {
        using var document = JsonLdBlocks.TryParse(block);
        Assert.Equal("A-1", document?.RootElement.GetProperty("sku").GetString());
    }

    [Theory]
    [InlineData(" \n ")]
    [InlineData("<!-- -->")]
    [InlineData("//<![CDATA[ //]]>")]
    public void An_empty_json_ld_block_parses_to_nothing(string block) => Assert.Null(JsonLdBlocks.TryParse(block));

    [Fact]
    public void Malformed_json_ld_is_repaired_or_skipped_and_microdata_takes_over()
    {
        var html = """
            <html><head>
            <script type="application/ld+json"><!-- { "@type": "Organization", "name": "Shop", } --></script>
            <script type="application/ld+json">{ "@type": "Product", "name": "Broken </script>
            </head><body>
            <div itemscope itemtype="https://schema.org/Product">
              <h1 itemprop="name">Rue Saddle Bag</h1>
              <span itemprop="sku" content="RUE-77">ref. RUE-77</span>
              <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Rue</span></div>
              <img itemprop="image" src="../img/rue-77.jpg">
              <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
                <span itemprop="price" content="1290.00">1.290,00 €</span>
                <meta itemprop="priceCurrency" content="EUR">
                <link itemprop="availability" href="https://schema.org/PreOrder">
              </div>
            </div>
            <p>unclosed <b>tags <i>everywhere
            """;
        var extraction = Extract(html);
        Assert.Equal(1, extraction.MalformedJsonLd);
        var product = Assert.Single(extraction.Products);
        Assert.Equal(ProductMarkup.Microdata, product.Markup);
        Assert.Equal("RUE-77", product.Sku);
        Assert.Equal("Rue", product.Brand);
        Assert.Equal("Rue Saddle Bag", product.Name);
        Assert.Equal(1290.00m, product.Price.Amount);
        Assert.Equal("EUR", product.Price.Currency.Code);
        Assert.Equal(new Uri("https://shop.example/img/rue-77.jpg"), product.ImageUrl);
        Assert.Equal(Availability.PreOrder, product.Availability);
    }

    [Fact]
    public void Microdata_text_prices_itemref_and_base_href()
    {
        var product = Single("""
            <html><head><base href="https://static.shop.example/fr/"></head><body>
            <div itemscope itemtype="http://schema.org/Product" itemref="extra">
              <span itemprop="name">Sac Cabas</span><span itemprop="brand">Kanvas</span>
              <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price">1 290,00 €</span></div>
            </div>
            <div id="extra"><img itemprop="image" src="img/cabas.jpg"><span itemprop="productID">CAB-1</span></div>
            </body></html>
            """);
        Assert.Equal("CAB-1", product.Sku);
        Assert.Equal(1290m, product.Price.Amount);
        Assert.Equal("EUR", product.Price.Currency.Code);
        Assert.Equal(new Uri("https://static.shop.example/fr/img/cabas.jpg"), product.ImageUrl);
    }

    [Fact]
    public void Open_graph_product_tags_with_plain_html_filling_the_gaps()
    {
        var product = Single("""
            <html><head>
            <meta property="og:type" content="product">
            <meta property="og:title" content="Quilted Chain Bag">
            <meta property="og:image" content="/media/qcb.jpg">
            <meta property="og:url" content="https://shop.example/p/qcb">
            <meta property="product:price:amount" content="75.00">
            <meta property="product:price:currency" content="GBP">
            <meta property="product:availability" content="out of stock">
            <meta property="product:retailer_item_id" content="QCB-1">
            </head><body>
            <h1>Quilted Chain Bag</h1><div class="product-brand">Rue</div><span class="price">GBP 75</span>
            </body></html>
            """);
        Assert.Equal(ProductMarkup.OpenGraph, product.Markup);
        Assert.Equal("QCB-1", product.Sku);
        Assert.Equal("Rue", product.Brand);
        Assert.Equal(75m, product.Price.Amount);
        Assert.Equal("GBP", product.Price.Currency.Code);
        Assert.Equal(new Uri("https://shop.example/media/qcb.jpg"), product.ImageUrl);
        Assert.Equal(new Uri("https://shop.example/p/qcb"), product.ProductUrl);
        Assert.Equal(Availability.OutOfStock, product.Availability);
    }

    [Fact]
    public void Plain_html_stands_alone_when_it_shows_name_price_and_sku()
    {
        var product = Single("""
            <html><body><main>
            <h1>Bucket Bag</h1>
            <p class="brand">Brand: Maison Ardent</p>
            <p class="sku">SKU: BB-12</p>
            <div class="price-box"><del class="price">$1,500.00</del><span class="price old-price">$1,400.00</span>
              <span class="price current">$1,290.00</span></div>
            <div class="product-gallery"><img src="/i/bb-12.jpg"></div>
            <p class="stock">In stock</p>
            </main></body></html>
            """);
        Assert.Equal(ProductMarkup.Html, product.Markup);
        Assert.Equal("BB-12", product.Sku);
        Assert.Equal(1290m, product.Price.Amount);
        Assert.Equal("USD", product.Price.Currency.Code);
        Assert.Equal(new Uri("https://shop.example/i/bb-12.jpg"), product.ImageUrl);
    }

    [Theory]
    [InlineData("class=\"price Price--WAS\"")]
    [InlineData("class=\"price\" id=\"OriginalPrice\"")]
    public void A_former_price_is_passed_over_whatever_the_case_of_its_class_or_id(string attributes)
    {
        var product = Single($"""
            <html><body><main><h1>Bucket Bag</h1><p class="brand">Maison Ardent</p><p class="sku">BB-12</p>
            <span {attributes}>$1,400.00</span><span class="price">$1,290.00</span>
            <img src="/i/bb-12.jpg"></main></body></html>
            """);
        Assert.Equal(1290m, product.Price.Amount);
    }

    [Theory]
    [InlineData("""{ "@type": "Product", "name": "No Price", "sku": "1", "brand": "B", "image": "a.jpg" }""", "no price")]
    [InlineData("""{ "@type": "Product", "name": "No Image", "sku": "1", "brand": "B", "offers": { "price": 5, "priceCurrency": "USD" } }""", "no image")]
    [InlineData("""{ "@type": "Product", "name": "Bad Image", "sku": "1", "brand": "B", "image": "data:image/png;base64,AAAA", "offers": { "price": 5, "priceCurrency": "USD" } }""", "no http(s) image URL")]
    [InlineData("""{ "@type": "Product", "name": "No Currency", "sku": "1", "brand": "B", "image": "a.jpg", "offers": { "price": 5 } }""", "no currency")]
    [InlineData("""{ "@type": "Product", "name": "No Brand", "sku": "1", "image": "a.jpg", "offers": { "price": 5, "priceCurrency": "USD" } }""", "no brand")]
    public void Product_markup_without_essentials_is_skipped_with_the_reason(string json, string reason)
    {
        var extraction = Extract(JsonLd(json));
        Assert.Empty(extraction.Products);
        Assert.True(extraction.HasProductMarkup);
        Assert.StartsWith(reason, Assert.Single(extraction.SkipReasons));
    }

    [Fact]
    public void A_product_without_sku_is_identified_by_its_url()
    {
        var product = Single(JsonLd("""
            { "@type": "Product", "name": "Hobo", "brand": "B", "image": "a.jpg", "offers": { "price": 5, "priceCurrency": "USD" } }
            """));
        Assert.Equal("ardent-flap", product.Sku);
    }

    [Fact]
    public void A_page_without_product_markup_is_no_product_page()
    {
        var extraction = Extract("<html><body><h1>Bags</h1><a href='/p/1'>Bag</a><span class='price'>$5</span></body></html>");
        Assert.False(extraction.HasProductMarkup);
    }

    [Fact]
    public void Links_pagination_nofollow_and_robots_meta()
    {
        const string html = """
            <html><head><base href="https://shop.example/list/"><link rel="next" href="?page=2"></head><body>
            <a href="p/1#reviews">one</a><a href="/p/2?utm_source=mail">two</a><a href="/p/2">two again</a>
            <a href="https://other.example/x">external</a><a href="mailto:x@y.z">mail</a><a rel="nofollow" href="/cart">cart</a>
            <a href="/img/bag.jpg">image</a><a rel="next" href="?page=2">next</a>
            </body></html>
            """;
        var page = HtmlPage.Parse(Encoding.UTF8.GetBytes(html), "text/html", new Uri("https://shop.example/list/?page=1"));
        var links = LinkExtractor.Extract(page, "PursearchBot");
        Assert.Equal(["https://shop.example/list/p/1", "https://shop.example/p/2", "https://other.example/x"],
            links.Links.Select(u => u.AbsoluteUri));
        Assert.Equal(["https://shop.example/list/?page=2"], links.Pagination.Select(u => u.AbsoluteUri));

        var blocked = HtmlPage.Parse(Encoding.UTF8.GetBytes(
            "<html><head><meta name='PursearchBot' content='noindex, nofollow'></head><body><a href='/x'>x</a></body></html>"),
            "text/html", new Uri("https://shop.example/"));
        var none = LinkExtractor.Extract(blocked, "PursearchBot");
        Assert.True(none.NoIndex);
        Assert.Empty(none.Links);
        var header = LinkExtractor.Extract(page, "PursearchBot", "otherbot: nofollow, noindex");
        Assert.False(header.NoFollow);
        Assert.True(header.NoIndex);
    }

    [Fact]
    public void Plain_html_follows_css_semantics_in_document_order()
    {
        var page = HtmlPage.Parse(Encoding.UTF8.GetBytes("""
            <html><head><base href="/static/"><base href="https://other.example/"></head><body>
            <img src="logo.png">
            <div class="product-detail"><h1>Rue
              Chain Bag</h1>
              <span class="Price">999</span>
              <div class="price-box"><span class="price">$ 79.00</span></div>
              <s><span class="price">$99.00</span></s>
              <img src="rue.jpg"></div>
            <p class="sku">Item no: RUE-9</p>
            </body></html>
            """), "text/html", new Uri("https://shop.example/bags/rue"));
        var candidate = PlainHtmlReader.Read(page);
        Assert.Equal(new Uri("https://shop.example/static/"), page.BaseUri);
        Assert.Equal("Rue Chain Bag", candidate.Name);
        Assert.Equal("$ 79.00", candidate.Price);
        Assert.Equal("RUE-9", candidate.Sku);
        Assert.Equal([new Uri("https://shop.example/static/rue.jpg")], candidate.Images);
    }

    [Fact]
    public void Charset_comes_from_the_content_type()
    {
        var html = "<html><head><meta property='og:type' content='product'><meta property='og:title' content='Sac à main'></head></html>";
        var page = HtmlPage.Parse(Encoding.Latin1.GetBytes(html), "text/html; charset=iso-8859-1", PageUrl);
        Assert.Equal("Sac à main", OpenGraphReader.Read(page)!.Name);
    }
}
