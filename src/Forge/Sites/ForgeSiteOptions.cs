using System.Net;

namespace Pursearch.Forge.Sites;

/// <summary>How <see cref="ForgeSiteServer"/> serves a Forge world: which world, where, how politely it asks to be
/// crawled, which faults it injects, where it logs.</summary>
public sealed record ForgeSiteOptions
{
    public int Seed { get; init; } = 7;
    public int Products { get; init; } = ForgeOptions.DefaultProducts;

    /// <summary>The first shop listens on this port, the next on the one after, and so on; 0 gives each a free port.</summary>
    public int BasePort { get; init; }

    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The Crawl-delay robots.txt asks for; null leaves it out (no politeness asked).</summary>
    public TimeSpan? CrawlDelay { get; init; } = TimeSpan.FromSeconds(0.1);

    public SiteFaults Faults { get; init; } = SiteFaults.None;

    /// <summary>How long the slow product page takes to answer.</summary>
    public TimeSpan SlowPause { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>What 429 answers ask the client to wait.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Also append every request to this file (tab-separated); the in-memory log is always kept.</summary>
    public string? RequestLogFile { get; init; }

    /// <summary>A photo cache to share between servers of the same world (tests); a new one when null.</summary>
    public ProductImages? Images { get; init; }

    public void Validate()
    {
        if (Products is < 1 or > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(Products), Products, "products must be between 1 and 1000000");
        if (BasePort is < 0 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(BasePort), BasePort, "port must be between 0 and 65535");
        if (CrawlDelay is { } delay && (delay < TimeSpan.Zero || delay > TimeSpan.FromMinutes(10)))
            throw new ArgumentOutOfRangeException(nameof(CrawlDelay), delay, "crawl delay must be between 0 and 10 minutes");
        if (SlowPause < TimeSpan.Zero || RetryAfter < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(SlowPause), "pauses must not be negative");
    }
}
