using System.Globalization;
using System.Text;

namespace Pursearch.Indexer.Crawling.Robots;

/// <summary>
/// A parsed robots.txt (RFC 9309): user-agent groups with their rules and Crawl-delay, and the Sitemap lines.
/// Only the first <see cref="MaxBytes"/> are read; unknown lines are ignored.
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>RFC 9309 §2.5: crawlers must parse at least 500 KiB; this one parses exactly that much.</summary>
    public const int MaxBytes = 500 * 1024;

    private readonly IReadOnlyList<Group> _groups;

    private RobotsTxt(IReadOnlyList<Group> groups, IReadOnlyList<Uri> sitemaps)
    {
        _groups = groups;
        Sitemaps = sitemaps;
    }

    /// <summary>Absolute http(s) URLs of the <c>Sitemap:</c> lines, in file order.</summary>
    public IReadOnlyList<Uri> Sitemaps { get; }

    public static RobotsTxt Parse(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes)
        {
            // A cut line could turn "Allow: /public" into "Allow: /": drop the partial last line.
            content = content[..MaxBytes];
            var lastBreak = content.LastIndexOfAny((byte)'\n', (byte)'\r');
            content = lastBreak < 0 ? [] : content[..lastBreak];
        }
        if (content.StartsWith("\xEF\xBB\xBF"u8))
            content = content[3..];
        return Parse(Encoding.UTF8.GetString(content));
    }

    public static RobotsTxt Parse(string content)
    {
        var groups = new List<Group>();
        var sitemaps = new List<Uri>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var line in content.Split(['\r', '\n']))
        {
            if (!TrySplit(line, out var key, out var value))
                continue;
            switch (key)
            {
                case Key.UserAgent:
                    if (current is null || !lastWasAgent)
                        groups.Add(current = new Group());
                    current.AddAgent(value);
                    lastWasAgent = true;
                    break;
                case Key.Allow or Key.Disallow when current is not null:
                    if (value.Length > 0)
                        current.Rules.Add(new RobotsRule(key == Key.Allow, value));
                    lastWasAgent = false;
                    break;
                case Key.CrawlDelay when current is not null:
                    current.SetCrawlDelay(value);
                    break;
                case Key.Sitemap:
                    if (Uri.TryCreate(value, UriKind.Absolute, out var sitemap) &&
                        (sitemap.Scheme == Uri.UriSchemeHttp || sitemap.Scheme == Uri.UriSchemeHttps))
                        sitemaps.Add(sitemap);
                    break;
            }
        }
        return new RobotsTxt(groups, sitemaps);
    }

    /// <summary>
    /// The rules for a crawler's product token: every group naming it (case-insensitive) merged; else every
    /// <c>*</c> group merged; else no rules at all.
    /// </summary>
    public RobotsRules RulesFor(string productToken)
    {
        var matching = _groups.Where(g => g.Names(productToken)).ToList();
        if (matching.Count == 0)
            matching = _groups.Where(g => g.Names("*")).ToList();
        var delays = matching.Where(g => g.CrawlDelay is not null).Select(g => g.CrawlDelay!.Value).ToList();
        return new RobotsRules(matching.SelectMany(g => g.Rules), delays.Count == 0 ? null : delays.Max());
    }

    private enum Key
    {
        Other,
        UserAgent,
        Allow,
        Disallow,
        CrawlDelay,
        Sitemap,
    }

    private static bool TrySplit(string line, out Key key, out string value)
    {
        var comment = line.IndexOf('#');
        var text = comment < 0 ? line : line[..comment];
        var colon = text.IndexOf(':');
        key = Key.Other;
        value = "";
        if (colon <= 0)
            return false;
        key = KeyOf(text[..colon]);
        value = text[(colon + 1)..].Trim();
        return key != Key.Other;
    }

    // Common misspellings are accepted, as major crawlers do.
    private static Key KeyOf(string raw) =>
        raw.Trim().ToLowerInvariant().Replace("-", "").Replace("_", "").Replace(" ", "") switch
        {
            "useragent" => Key.UserAgent,
            "allow" => Key.Allow,
            "disallow" or "dissallow" or "dissalow" or "disalow" or "diasllow" or "disallaw" => Key.Disallow,
            "crawldelay" => Key.CrawlDelay,
            "sitemap" or "sitemaps" => Key.Sitemap,
            _ => Key.Other,
        };

    private sealed class Group
    {
        private readonly List<string> _agents = [];

        public List<RobotsRule> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; private set; }

        public bool Names(string productToken) =>
            _agents.Any(a => string.Equals(a, productToken, StringComparison.OrdinalIgnoreCase));

        /// <summary>Keeps the product token: the leading letters, '-' and '_' (so <c>Bot/1.0</c> names <c>Bot</c>).</summary>
        public void AddAgent(string value)
        {
            if (value.StartsWith('*'))
            {
                _agents.Add("*");
                return;
            }
            var length = 0;
            while (length < value.Length && (char.IsAsciiLetter(value[length]) || value[length] is '-' or '_'))
                length++;
            if (length > 0)
                _agents.Add(value[..length]);
        }

        public void SetCrawlDelay(string value)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) &&
                double.IsFinite(seconds) && seconds >= 0)
                CrawlDelay = TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
        }
    }
}
