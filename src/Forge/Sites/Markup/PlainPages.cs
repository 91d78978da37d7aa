using System.Globalization;

namespace Pursearch.Forge.Sites.Markup;

/// <summary>The other pages of a shop: service pages, the endless calendar, and the mangled product page.</summary>
public static class PlainPages
{
    public static string Simple(string shopName, string title, string text, SiteLinks links) =>
        Html.Page(shopName, title, "", $"<main><h1>{Html.Text(title)}</h1><p>{Html.Text(text)}</p></main>", links);

    /// <summary>An events calendar month linking the months before and after it, with no end.</summary>
    public static string Calendar(string shopName, DateOnly month, SiteLinks links)
    {
        var previous = month.AddMonths(-1);
        var next = month.AddMonths(1);
        var body = $"""
            <main><h1>Events in {month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}</h1>
            <a href="{Html.Attribute(links.Href(CalendarPath(previous)))}">Previous month</a>
            <a href="{Html.Attribute(links.Href(CalendarPath(next)))}">Next month</a></main>
            """;
        return Html.Page(shopName, "Events", "", body, links);
    }

    public static string CalendarPath(DateOnly month) => "/calendar/" + month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A product page whose JSON-LD is cut off mid-way, whose OpenGraph tags say "product" but give no price.</summary>
    public static string Mangled(string shopName, SiteLinks links)
    {
        const string head = """
            <meta property="og:type" content="product">
            <meta property="og:title" content="Mystery Bag">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Mystery Bag","offers":{"@type":"Offer","price":
            """;
        return Html.Page(shopName, "Mystery Bag", head, "<main><h1>Mystery Bag<h2>coming soon", links);
    }

    /// <summary>
    /// Breaks a page's HTML the ways real shops do without hiding the product: a stray closing tag, unclosed elements, a
    /// malformed JSON-LD block before the real one, an unquoted attribute, raw ampersands and an unterminated comment.
    /// </summary>
    public static string Mangle(string html)
    {
        const string junk = """
            </table></p><div class=promo><span>Sale & more<b>up to 30% off
            <script type="application/ld+json">{"@type": "Product", "name": "broken", </script>
            <img src=/promo.gif alt=promo >
            """;
        var head = html.IndexOf("</head>", StringComparison.Ordinal);
        var mangled = head < 0 ? html : html.Insert(head, junk);
        return mangled.Replace("</body>\n</html>", "<!-- unterminated tracking comment", StringComparison.Ordinal);
    }
}
