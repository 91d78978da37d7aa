using System.Collections.Concurrent;
using Pursearch.Forge.Sites.Markup;

namespace Pursearch.Forge.Sites;

/// <summary>
/// Where a shop injects its faults: fixed products (the first six of the shop in sku order) and fixed extra pages linked
/// from the home page and the first listing page, so a test knows exactly what must fail and how. Counts requests per
/// path for the faults that clear after a few attempts.
/// </summary>
public sealed class FaultPlan
{
    public const string BrokenPath = "/broken";
    public const string BusyPath = "/busy";
    public const string SlowPath = "/slow";
    public const string LoopPath = "/loop/a";
    public const string LoopTwinPath = "/loop/b";
    public const string MangledPath = "/p/mangled";
    public static readonly DateOnly TrapStart = new(2026, 1, 1);

    /// <summary>How many 503s the burst product answers before it works.</summary>
    public const int BurstLength = 2;

    /// <summary>The size of the huge image: 200 MB.</summary>
    public const long HugeImageBytes = 200L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    public FaultPlan(SiteFaults faults, IReadOnlyList<ShopItem> products)
    {
        Faults = faults;
        string? Pick(SiteFaults fault, int position) =>
            faults.HasFlag(fault) && position < products.Count ? products[position].Sku : null;
        BurstSku = Pick(SiteFaults.ServerErrors, 0);
        RateLimitedSku = Pick(SiteFaults.RateLimits, 1);
        SlowSku = Pick(SiteFaults.SlowResponses, 2);
        TruncatedImageSku = Pick(SiteFaults.TruncatedImages, 3);
        HugeImageSku = Pick(SiteFaults.HugeImages, 4);
        MalformedSku = Pick(SiteFaults.MalformedHtml, 5);
        ExtraPaths =
        [
            .. faults.HasFlag(SiteFaults.ServerErrors) ? [BrokenPath] : Array.Empty<string>(),
            .. faults.HasFlag(SiteFaults.RateLimits) ? [BusyPath] : Array.Empty<string>(),
            .. faults.HasFlag(SiteFaults.SlowResponses) ? [SlowPath] : Array.Empty<string>(),
            .. faults.HasFlag(SiteFaults.RedirectLoops) ? [LoopPath] : Array.Empty<string>(),
            .. faults.HasFlag(SiteFaults.MalformedHtml) ? [MangledPath] : Array.Empty<string>(),
            .. faults.HasFlag(SiteFaults.CrawlerTrap) ? [PlainPages.CalendarPath(TrapStart)] : Array.Empty<string>(),
        ];
    }

    public SiteFaults Faults { get; }

    /// <summary>Its page answers 503 <see cref="BurstLength"/> times, then works.</summary>
    public string? BurstSku { get; }
    /// <summary>Its page answers 429 with Retry-After once, then works.</summary>
    public string? RateLimitedSku { get; }
    /// <summary>Its page answers after <see cref="ForgeSiteOptions.SlowPause"/>.</summary>
    public string? SlowSku { get; }
    public string? TruncatedImageSku { get; }
    public string? HugeImageSku { get; }
    /// <summary>Its page is badly broken HTML around a product that can still be read.</summary>
    public string? MalformedSku { get; }

    /// <summary>The fault pages, linked from the home page and the first listing page.</summary>
    public IReadOnlyList<string> ExtraPaths { get; }

    /// <summary>Counts a request to <paramref name="path"/> and returns which attempt it is (1 for the first).</summary>
    public int Attempt(string path) => _attempts.AddOrUpdate(path, 1, (_, count) => count + 1);
}
