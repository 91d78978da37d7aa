namespace Pursearch.Forge.Sites;

/// <summary>The faults a Forge site can be told to inject, each on a few fixed pages so crawls can be checked exactly.</summary>
[Flags]
public enum SiteFaults
{
    None = 0,
    /// <summary>A product page answers 503 twice before it works; <c>/broken</c> always answers 500.</summary>
    ServerErrors = 1 << 0,
    /// <summary>A product page answers 429 with Retry-After once; <c>/busy</c> always does.</summary>
    RateLimits = 1 << 1,
    /// <summary>A product page answers after a pause; <c>/slow</c> trickles its body a byte at a time.</summary>
    SlowResponses = 1 << 2,
    /// <summary><c>/loop/a</c> and <c>/loop/b</c> redirect to each other.</summary>
    RedirectLoops = 1 << 3,
    /// <summary>One product's image is cut off half way (with an honest Content-Length).</summary>
    TruncatedImages = 1 << 4,
    /// <summary>One product's image is 200 MB, streamed from a small buffer.</summary>
    HugeImages = 1 << 5,
    /// <summary>One product page has broken markup around its product; <c>/p/mangled</c> has a cut-off JSON-LD block and no price.</summary>
    MalformedHtml = 1 << 6,
    /// <summary><c>/calendar/{yyyy-MM}</c> links to the next month, forever.</summary>
    CrawlerTrap = 1 << 7,
    All = ServerErrors | RateLimits | SlowResponses | RedirectLoops | TruncatedImages | HugeImages | MalformedHtml | CrawlerTrap,
}

/// <summary>Reads fault lists as the CLI takes them: <c>5xx,429,slow,redirect-loop,truncated-image,huge-image,malformed-html,trap</c>, <c>all</c> or <c>none</c>.</summary>
public static class SiteFaultNames
{
    private static readonly Dictionary<string, SiteFaults> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["5xx"] = SiteFaults.ServerErrors,
        ["429"] = SiteFaults.RateLimits,
        ["slow"] = SiteFaults.SlowResponses,
        ["redirect-loop"] = SiteFaults.RedirectLoops,
        ["truncated-image"] = SiteFaults.TruncatedImages,
        ["huge-image"] = SiteFaults.HugeImages,
        ["malformed-html"] = SiteFaults.MalformedHtml,
        ["trap"] = SiteFaults.CrawlerTrap,
        ["all"] = SiteFaults.All,
        ["none"] = SiteFaults.None,
    };

    public static IEnumerable<string> Known => Names.Keys;

    /// <summary>Parses a comma-separated list; an unknown name throws <see cref="FormatException"/> listing the known ones.</summary>
    public static SiteFaults Parse(string? list)
    {
        var faults = SiteFaults.None;
        foreach (var name in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            faults |= Names.TryGetValue(name, out var fault)
                ? fault
                : throw new FormatException($"unknown fault '{name}'; known: {string.Join(", ", Names.Keys)}");
        return faults;
    }
}
