using System.Net;
using System.Text;
using System.Text.Json;
using Pursearch.Forge.Sites;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Crawling.Extraction;
using Pursearch.Indexer.Crawling.Extraction.Markup;

namespace Pursearch.Indexer.Tests.Crawling;

/// <summary>
/// The strict parser must give the readers what AngleSharp's HTML5 parse gives them, on every page it accepts, and
/// hand every page it cannot model to the full parser.
/// </summary>
public class StrictHtmlParserTests
{
    private const string Utf8Html = "text/html; charset=utf-8";
    private static readonly Uri PageUrl = new("https://shop.example/bags/ardent-flap");

    [Fact]
    public async Task Every_Forge_page_parses_strictly_and_reads_as_the_HTML5_parse_does()
    {
        await using var server = await ForgeSiteServer.StartAsync(new ForgeSiteOptions { Seed = 11, Products = 120, CrawlDelay = null });
        var pages = await FetchEveryPageAsync(server);

        Assert.True(pages.Count > 150, $"only {pages.Count} pages");
        foreach (var (url, body) in pages)
        {
            var strict = HtmlPage.Parse(body, Utf8Html, url);
            var full = HtmlPage.ParseHtml5(body, Utf8Html, url);
            Assert.True(strict.ParsePath == HtmlParsePath.Strict, $"{url} went to the full parser");
            Assert.Equal(Tree(full.Root), Tree(strict.Root));
            Assert.Equal(Readings(full), Readings(strict));
        }
    }

    [Fact]
    public async Task The_mangled_Forge_page_goes_to_the_full_parser_and_still_yields_its_product()
    {
        await using var server = await ForgeSiteServer.StartAsync(
            new ForgeSiteOptions { Seed = 11, Products = 120, CrawlDelay = null, Faults = SiteFaults.MalformedHtml });
        var pages = await FetchEveryPageAsync(server);

        var mangled = pages.Select(p => HtmlPage.Parse(p.Body, Utf8Html, p.Url)).Where(p => p.ParsePath == HtmlParsePath.Html5).ToList();
        Assert.NotEmpty(mangled);
        Assert.Contains(mangled, page => ProductExtractor.Extract(page).Products.Count == 1);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html lang=en><head><title>A &amp; B</title></head><body><h1 class=x>Bag</h1></body></html>")]
    [InlineData("<h1>Caf&eacute; &lt;tote&gt; &#39;s &#x41;&nbsp;&copy;</h1><p title='a &quot;b&quot;'>x &amp; y & z</p>")]
    [InlineData("<DIV ID=\"Main\" Class=product><IMG SRC=\"/a.jpg\" ALT=a/><BR/><span>1 &lt; 2</span></DIV>")]
    [InlineData("<a href=/p/1 class=a class=b>dup</a><input type=checkbox checked disabled>")]
    [InlineData("<head><script type=\"application/ld+json\">{\"a\":\"</div> & <b>\"}</script><style>p>b{}</style></head><body></body>")]
    [InlineData("<body><!-- a comment <b> --><pre>\nkept\n</pre><textarea>\n&lt;raw&gt;</textarea></body>\n<!-- after -->\n")]
    [InlineData("<ul><li>one</li><li>two<ul><li>inner</li></ul></li></ul><dl><dt>a</dt><dd>b</dd></dl>")]
    [InlineData("<select name=s><option value=1>One</option><optgroup label=g><option>Two</option></optgroup></select>")]
    [InlineData("<main><p>a <b>bold <i>both</i></b> 5 < 6</p><p>second</p></main>")]
    [InlineData("<a href=\"/p?a=1&b=2&page=3\">x</a><p>AT&T and R&D &amp; sons & co</p><a href=/q?x=1&y=2>y</a>")]
    [InlineData("<div itemscope itemtype=\"https://schema.org/Product\"><span itemprop=name>N</span></div>\r\n<p>\r\ncr</p>")]
    public void Well_formed_markup_reads_as_the_HTML5_parse_does(string html)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var strict = HtmlPage.Parse(body, Utf8Html, PageUrl);
        var full = HtmlPage.ParseHtml5(body, Utf8Html, PageUrl);

        Assert.Equal(HtmlParsePath.Strict, strict.ParsePath);
        Assert.Equal(Tree(full.Root), Tree(strict.Root));
    }

    [Theory]
    [InlineData("<p>open paragraph<div>closes it</div>")]
    [InlineData("<ul><li>one<li>two</ul>")]
    [InlineData("<table><tr><td>cell</td></tr></table>")]
    [InlineData("<b><i>misnested</b></i>")]
    [InlineData("<div>stray</span></div>")]
    [InlineData("<p>x</br></p>")]
    [InlineData("<a href=/1><a href=/2>nested</a></a>")]
    [InlineData("<h1><h2>heading in heading</h2></h1>")]
    [InlineData("<p>&copy without a semicolon</p>")]
    [InlineData("<p>&notanentity; here</p>")]
    [InlineData("<a href=\"/p?a=1&copy=2\">legacy name in a query</a>")]
    [InlineData("<p>&ampersand without a semicolon</p>")]
    [InlineData("<p>&#x80; remapped</p>")]
    [InlineData("<svg><circle r=1/></svg>")]
    [InlineData("<!--> short comment <p>x</p>")]
    [InlineData("<![CDATA[x]]><p>y</p>")]
    [InlineData("<?xml version=\"1.0\"?><p>y</p>")]
    [InlineData("<html><body>a</body></html><p>after the end</p>")]
    [InlineData("<body><body class=again>x</body>")]
    [InlineData("<head><div>body content in the head</div></head>")]
    [InlineData("<meta charset=\"iso-8859-1\"><p>caf\u00e9</p>")]
    [InlineData("<p class=\"a\"b>attribute glued to a quote</p>")]
    [InlineData("<script>var a = '<!--<script>';</script><p>x</p>")]
    [InlineData("<p>unterminated <script>var x = 1;")]
    [InlineData("<p>nul \0 character</p>")]
    public void Markup_the_HTML5_algorithm_rearranges_goes_to_the_full_parser(string html)
    {
        var body = Encoding.UTF8.GetBytes(html);

        var page = HtmlPage.Parse(body, Utf8Html, PageUrl);

        Assert.Equal(HtmlParsePath.Html5, page.ParsePath);
        Assert.Equal(Tree(HtmlPage.ParseHtml5(body, Utf8Html, PageUrl).Root), Tree(page.Root));
    }

    [Fact]
    public void Generated_markup_either_reads_as_the_HTML5_parse_does_or_goes_to_it()
    {
        var generator = new MarkupGenerator(new Random(20261204));
        var strict = 0;
        for (var i = 0; i < 10000; i++)
        {
            var html = generator.Document();
            var body = Encoding.UTF8.GetBytes(html);
            var page = HtmlPage.Parse(body, Utf8Html, PageUrl);
            if (page.ParsePath != HtmlParsePath.Strict)
                continue;
            strict++;
            var full = HtmlPage.ParseHtml5(body, Utf8Html, PageUrl);
            Assert.True(Tree(full.Root) == Tree(page.Root), $"trees differ for: [{html}]\nfull:\n{Tree(full.Root)}\nstrict:\n{Tree(page.Root)}");
            Assert.True(Readings(full) == Readings(page), $"readings differ for: {html}");
        }
        // Most documents are well-formed by construction: the strict path must really be exercised.
        Assert.True(strict > 5000, $"only {strict} of 10000 generated documents parsed strictly");
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/html; charset=iso-8859-1")]
    [InlineData(null)]
    public void Pages_not_declared_UTF_8_go_to_the_full_parser(string? contentType)
    {
        var page = HtmlPage.Parse(Encoding.UTF8.GetBytes("<h1>Bag</h1>"), contentType, PageUrl);

        Assert.Equal(HtmlParsePath.Html5, page.ParsePath);
        Assert.Equal("Bag", page.Elements.FirstHeading?.TextContent);
    }

    [Fact]
    public void A_UTF_16_byte_order_mark_overrides_the_declared_charset()
    {
        var body = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<h1>Bag</h1>")).ToArray();

        var page = HtmlPage.Parse(body, Utf8Html, PageUrl);

        Assert.Equal(HtmlParsePath.Html5, page.ParsePath);
        Assert.Equal("Bag", page.Elements.FirstHeading?.TextContent);
    }

    [Fact]
    public async Task An_upper_case_tag_name_of_megabytes_is_read_as_its_lower_case_name()
    {
        // Lowered in a stack buffer, a name this long overflowed the stack of the thread that read the page.
        var name = new string('X', 5_000_000);
        var body = Encoding.UTF8.GetBytes($"<{name}>bag</{name}>");

        var page = await Task.Run(() => HtmlPage.Parse(body, Utf8Html, PageUrl));

        Assert.Equal(HtmlParsePath.Strict, page.ParsePath);
        var element = Assert.IsType<MarkupElement>(Assert.Single(page.Root.ChildNodes));
        Assert.Equal(name.ToLowerInvariant(), element.LocalName);
        Assert.Equal("bag", element.TextContent);
    }

    [Fact]
    public void Element_ids_resolve_to_the_first_element_in_document_order()
    {
        var page = HtmlPage.Parse(Encoding.UTF8.GetBytes("<div><span id=x>first</span></div><p id=x>second</p>"), Utf8Html, PageUrl);

        Assert.Equal("first", page.ElementById("x")?.TextContent);
        Assert.Null(page.ElementById("y"));
    }

    private static async Task<List<(Uri Url, byte[] Body)>> FetchEveryPageAsync(ForgeSiteServer server)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
        var pages = new List<(Uri, byte[])>();
        var seen = new HashSet<Uri>();
        var pending = new Queue<Uri>(server.Sites.Select(s => s.BaseUri));
        while (pending.TryDequeue(out var url))
        {
            if (!seen.Add(url) || !server.Sites.Any(s => s.BaseUri.Authority == url.Authority))
                continue;
            using var response = await http.GetAsync(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
                continue;
            var body = await response.Content.ReadAsByteArrayAsync();
            pages.Add((url, body));
            var links = LinkExtractor.Extract(HtmlPage.ParseHtml5(body, Utf8Html, url), CrawlUserAgent.ProductToken);
            foreach (var link in links.Links.Concat(links.Pagination))
                pending.Enqueue(link);
        }
        return pages;
    }

    /// <summary>What the readers take from a page: its products, skip reasons and links.</summary>
    private static string Readings(HtmlPage page)
    {
        var extraction = ProductExtractor.Extract(page);
        var links = LinkExtractor.Extract(page, CrawlUserAgent.ProductToken);
        return JsonSerializer.Serialize(new
        {
            extraction.Products, extraction.SkipReasons, extraction.MalformedJsonLd, links.Links, links.Pagination, links.NoIndex,
            links.NoFollow, Base = page.BaseUri,
        });
    }

    /// <summary>
    /// The tree as the readers can observe it: elements with their attributes and text, html/head/body spliced out
    /// (the full parser invents them; the strict one does not), adjacent text merged, top-level text trimmed.
    /// </summary>
    private static string Tree(MarkupElement root)
    {
        var text = new StringBuilder();
        Write(root, text, 0);
        return text.ToString();
    }

    private static void Write(MarkupElement element, StringBuilder output, int depth)
    {
        var run = new StringBuilder();
        void FlushRun()
        {
            // Before the body the full parser drops whitespace that the strict one keeps: no reader sees either.
            var text = depth == 0 ? run.ToString().Trim() : run.ToString();
            if (text.Length > 0)
                output.Append(' ', depth * 2).Append('"').Append(text).Append("\"\n");
            run.Clear();
        }
        foreach (var node in Flatten(element))
        {
            if (node is MarkupText t)
            {
                run.Append(t.Data);
                continue;
            }
            FlushRun();
            var child = (MarkupElement)node;
            output.Append(' ', depth * 2).Append('<').Append(child.LocalName);
            foreach (var (name, value) in child.Attributes)
                output.Append(' ').Append(name).Append("=\"").Append(value).Append('"');
            output.Append(">\n");
            Write(child, output, depth + 1);
        }
        FlushRun();
    }

    private static IEnumerable<MarkupNode> Flatten(MarkupElement element)
    {
        foreach (var node in element.ChildNodes)
        {
            if (node is MarkupElement { LocalName: "html" or "head" or "body" } frame)
            {
                foreach (var inner in Flatten(frame))
                    yield return inner;
            }
            else
                yield return node;
        }
    }

    /// <summary>Random shop-like markup: mostly well nested, with the occasional stray, legacy or broken construct.</summary>
    private sealed class MarkupGenerator(Random random)
    {
        private static readonly string[] Containers =
        [
            "div", "p", "span", "a", "b", "i", "em", "strong", "ul", "li", "h1", "h2", "main", "article", "section", "del", "s",
            "form", "button", "nav", "header", "footer", "dl", "dt", "dd", "pre", "select", "option", "noscript", "label",
        ];

        private static readonly string[] Voids = ["br", "img", "meta", "link", "input", "hr", "source"];
        private static readonly string[] RawText = ["script", "style", "title", "textarea"];
        private static readonly string[] AttributeNames = ["class", "id", "href", "itemprop", "itemscope", "data-sku", "content", "CLASS", "src", "rel"];
        private static readonly string[] Words = ["price", "product", "brand", "sku", "Rue", "1.290,00 €", "$75", "in stock", "/p/1", "caf\u00e9"];

        private static readonly string[] Oddities =
        [
            "</br>", "</div>", "<!-->", "&copy", "&amp", "&#x80;", "<table><tr><td>", "<svg>", "<!DOCTYPE html>", "<!-- c -->",
            "<?x?>", "&notanentity;", "<p>", "<li>", "</p>", "&", "<", ">", " < ", "&b=2", "\r\n", "<div/>", "<body class=x>",
            "<html lang=en>", "<head>", "</body>", "</html>", "<pre>\nx</pre>", "<template><b>x</b></template>", "<h3>", "<a href=/x>",
        ];

        public string Document()
        {
            var html = new StringBuilder();
            if (random.Next(3) == 0)
                html.Append("<!DOCTYPE html><html><head><title>t</title></head><body>");
            for (var n = random.Next(1, 6); n > 0; n--)
                Node(html, 0);
            return html.ToString();
        }

        private void Node(StringBuilder html, int depth)
        {
            var roll = random.Next(100);
            if (roll < 35)
                html.Append(Text());
            else if (roll < 45)
                html.Append('<').Append(Pick(Voids)).Append(Attributes()).Append(random.Next(2) == 0 ? ">" : "/>");
            else if (roll < 52)
            {
                var name = Pick(RawText);
                html.Append('<').Append(name).Append(Attributes()).Append('>').Append(name == "script" ? "{\"a\": \"</b> & 1\"}" : Text())
                    .Append("</").Append(name).Append('>');
            }
            else if (roll < 57)
                html.Append(Pick(Oddities));
            else if (roll < 60)
                html.Append("<!-- ").Append(Text()).Append(" -->");
            else
                Element(html, depth);
        }

        private void Element(StringBuilder html, int depth)
        {
            var name = Pick(Containers);
            html.Append('<').Append(random.Next(10) == 0 ? name.ToUpperInvariant() : name).Append(Attributes()).Append('>');
            if (depth < 5)
                for (var n = random.Next(4); n > 0; n--)
                    Node(html, depth + 1);
            if (random.Next(20) > 0)
                html.Append("</").Append(name).Append('>');
        }

        private string Attributes()
        {
            var attributes = new StringBuilder();
            for (var n = random.Next(4); n > 0; n--)
            {
                attributes.Append(' ').Append(Pick(AttributeNames));
                switch (random.Next(5))
                {
                    case 0: break;
                    case 1: attributes.Append("=\"").Append(Text().Replace("\"", "")).Append('"'); break;
                    case 2: attributes.Append("='").Append(Text().Replace("'", "")).Append('\''); break;
                    case 3: attributes.Append('=').Append(Pick(Words).Replace(" ", "")); break;
                    default: attributes.Append("=\"/p?a=1&b=2&amp;c=3\""); break;
                }
            }
            return attributes.ToString();
        }

        private string Text() => random.Next(6) switch
        {
            0 => Pick(Words) + " &amp; " + Pick(Words),
            1 => "  \n  ",
            2 => Pick(Words) + " &#39;" + Pick(Words) + "&nbsp;",
            _ => Pick(Words),
        };

        private string Pick(string[] items) => items[random.Next(items.Length)];
    }
}
