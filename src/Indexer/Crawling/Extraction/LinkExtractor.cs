using Pursearch.Indexer.Crawling.Extraction.Markup;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>The links of a page (canonical, http(s) only) and what its robots meta tags ask.</summary>
public sealed record PageLinks(IReadOnlyList<Uri> Links, IReadOnlyList<Uri> Pagination, bool NoIndex, bool NoFollow);

/// <summary>
/// Collects a page's outgoing links for the frontier: <c>a[href]</c> and <c>area[href]</c> (not <c>rel=nofollow</c>),
/// and pagination (<c>rel=next</c>/<c>prev</c> on <c>link</c> or <c>a</c>), resolved against the base URL. Honours
/// <c>&lt;meta name="robots"&gt;</c> (and one addressed to this crawler): <c>nofollow</c> yields no links.
/// </summary>
public static class LinkExtractor
{
    /// <summary>The page's links; <paramref name="resolver"/>, shared by the pages of a run, canonicalises each link once (by default, once per page).</summary>
    public static PageLinks Extract(HtmlPage page, string robotsToken, string? robotsHeader = null, PageLinkResolver? resolver = null)
    {
        var directives = RobotsDirectives(page.Elements.MetaWithContent, robotsToken, robotsHeader);
        var noIndex = directives is not null && (directives.Contains("noindex") || directives.Contains("none"));
        var noFollow = directives is not null && (directives.Contains("nofollow") || directives.Contains("none"));
        if (noFollow)
            return new PageLinks([], [], noIndex, true);
        var links = new List<Uri>();
        var pagination = new List<Uri>();
        var pageBase = (resolver ?? new PageLinkResolver()).On(page.BaseUri);
        foreach (var element in page.Elements.Hyperlinks)
        {
            var rel = Tokens(element.GetAttribute("rel"));
            var isPagination = rel.Contains("next") || rel.Contains("prev") || rel.Contains("previous");
            if (element.LocalName == "link" && !isPagination)
                continue;
            if (rel.Contains("nofollow") || pageBase.PageUrlOf(element.GetAttribute("href")!) is not { } url)
                continue;
            (isPagination ? pagination : links).Add(url);
        }
        return new PageLinks(links.Distinct().ToList(), pagination.Distinct().ToList(), noIndex, false);
    }

    /// <summary>The robots directives addressed to this crawler; null when neither a meta tag nor the header gives any
    /// (most pages: no set is built for them).</summary>
    private static HashSet<string>? RobotsDirectives(IReadOnlyList<MarkupElement> metaWithContent, string robotsToken, string? robotsHeader)
    {
        HashSet<string>? directives = null;
        foreach (var meta in metaWithContent)
        {
            if (meta.GetAttribute("name")?.Trim() is not { } name)
                continue;
            if (name.Equals("robots", StringComparison.OrdinalIgnoreCase) ||
                name.Equals(robotsToken, StringComparison.OrdinalIgnoreCase))
                (directives ??= new(StringComparer.OrdinalIgnoreCase)).UnionWith(
                    meta.GetAttribute("content")!.Split(',', StringSplitOptions.TrimEntries));
        }
        if (robotsHeader is null)
            return directives;
        directives ??= new(StringComparer.OrdinalIgnoreCase);
        foreach (var part in robotsHeader.Split(',', StringSplitOptions.TrimEntries))
        {
            // "otherbot: noindex" addresses another crawler; a bare directive addresses all.
            var colon = part.IndexOf(':');
            if (colon < 0)
                directives.Add(part);
            else if (part[..colon].Trim().Equals(robotsToken, StringComparison.OrdinalIgnoreCase))
                directives.Add(part[(colon + 1)..].Trim());
        }
        return directives;
    }

    private static string[] Tokens(string? value) =>
        value?.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];
}
