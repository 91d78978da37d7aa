using System.Globalization;

namespace Pursearch.Forge.Sites.Markup;

/// <summary>
/// A shop's robots.txt: a group shutting out one bot entirely, and for everyone else Disallow rules over the cart,
/// account, search, sorted listings and the Forge switches (with one Allow carved out), a Crawl-delay, and the sitemap.
/// </summary>
public static class RobotsFile
{
    /// <summary>Paths the <c>*</c> group disallows (robots.txt patterns); <c>/account/help</c> is allowed by a longer rule.</summary>
    public static IReadOnlyList<string> Disallowed { get; } = ["/cart", "/account/", "/search", "/*sort=", "/_forge/"];

    public static string Render(SiteLinks links, TimeSpan? crawlDelay)
    {
        var disallow = string.Concat(Disallowed.Select(path => $"Disallow: {path}\n"));
        var delay = crawlDelay is { } d ? $"Crawl-delay: {d.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}\n" : "";
        return $"""
            # Forge retailer site
            User-agent: GreedyBot
            Disallow: /

            User-agent: *
            {disallow}Allow: /account/help
            {delay}
            Sitemap: {links.Absolute(Sitemaps.IndexPath)}

            """;
    }
}
