using System.Globalization;

namespace Pursearch.Forge.Sites.Markup;

/// <summary>
/// The home page and the paged listing of a shop. Listings link every product, a sort order robots.txt disallows, and
/// the next and previous pages (as <c>?page=N</c> anchors or as <c>rel=next</c>, by layout).
/// </summary>
public static class ListingPages
{
    public static int PageCount(int products) => Math.Max(1, (products + ShopLayout.PageSize - 1) / ShopLayout.PageSize);

    public static string Home(string shopName, ShopLayout layout, SiteLinks links, IEnumerable<string> extraPaths)
    {
        var extras = string.Concat(extraPaths.Select(path =>
            $"""<li><a href="{Html.Attribute(links.Href(path))}">{Html.Text(path)}</a></li>"""));
        var body = $"""
            <main>
            <h1>Welcome to {Html.Text(shopName)}</h1>
            <p><a href="{Html.Attribute(links.Href(layout.ListingPath(1)))}">Shop all handbags</a></p>
            <form action="/search"><input name="q"></form><a href="{Html.Attribute(links.Href("/search?q=tote"))}">Totes</a>
            <ul class="more">{extras}</ul>
            </main>
            """;
        return Html.Page(shopName, "Home", "", body, links);
    }

    public static string Listing(string shopName, ShopLayout layout, SiteLinks links, IReadOnlyList<ShopItem> onPage, int page,
        int pageCount, IEnumerable<string> extraPaths)
    {
        var tiles = string.Concat(onPage.Select(item => $"""
            <li class="tile"><a href="{Html.Attribute(links.Href(item.PagePath))}"><img src="{Html.Attribute(links.Href(item.ImagePath))}" alt="" loading="lazy">
            {Html.Text(item.Product.Name)}</a> <span class="tile-cost">{Html.Text(PriceText.Format(item.Price, layout.Prices))}</span></li>
            """));
        var extras = string.Concat(extraPaths.Select(path => $"""<a href="{Html.Attribute(links.Href(path))}">more</a> """));
        var (head, pager) = Pager(layout, links, page, pageCount);
        var sort = layout.Listing == ListingStyle.QueryPages ? $"?sort=price&page={page}" : "?sort=price";
        var body = $"""
            <main>
            <h1>Handbags, page {page.ToString(CultureInfo.InvariantCulture)} of {pageCount.ToString(CultureInfo.InvariantCulture)}</h1>
            <p><a href="{Html.Attribute(sort)}">Sort by price</a></p>
            <ul class="grid">
            {tiles}
            </ul>
            {pager}
            <p>{extras}</p>
            </main>
            """;
        return Html.Page(shopName, $"Handbags ({page})", head, body, links);
    }

    private static (string Head, string Pager) Pager(ShopLayout layout, SiteLinks links, int page, int pageCount)
    {
        if (layout.Listing == ListingStyle.QueryPages)
        {
            var previous = page > 1 ? $"""<a href="?page={page - 1}">Previous</a> """ : "";
            var next = page < pageCount ? $"""<a href="?page={page + 1}">Next</a>""" : "";
            return ("", $"""<div class="pager">{previous}{next}</div>""");
        }
        var head = "";
        var pager = "";
        if (page > 1)
        {
            var href = Html.Attribute(links.Href(layout.ListingPath(page - 1)));
            head += $"""<link rel="prev" href="{href}">""";
            pager += $"""<a rel="prev" href="{href}">Previous</a> """;
        }
        if (page < pageCount)
        {
            var href = Html.Attribute(links.Href(layout.ListingPath(page + 1)));
            head += $"""<link rel="next" href="{href}">""";
            pager += $"""<a rel="next" href="{href}">Next</a>""";
        }
        return (head, $"""<div class="pager">{pager}</div>""");
    }
}
