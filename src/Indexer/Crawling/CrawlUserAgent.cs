using System.Reflection;

namespace Pursearch.Indexer.Crawling;

/// <summary>How the crawler names itself: <c>PursearchBot/&lt;version&gt; (+url)</c>, and the token robots.txt groups match.</summary>
public static class CrawlUserAgent
{
    /// <summary>The product token robots.txt <c>User-agent</c> lines are matched against (case-insensitively).</summary>
    public const string ProductToken = "PursearchBot";

    public const string InfoUrl = "https://pursearch.dev/bot";

    public static string Version { get; } = ReadVersion();

    public static string Default { get; } = $"{ProductToken}/{Version} (+{InfoUrl})";

    private static string ReadVersion()
    {
        var informational = typeof(CrawlUserAgent).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? typeof(CrawlUserAgent).Assembly.GetName().Version?.ToString(3) ?? "0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}
