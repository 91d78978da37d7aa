using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling.Robots;

/// <summary>The rules of robots.txt that apply to one crawler: the most specific rule wins, <c>Allow</c> wins ties.</summary>
public sealed class RobotsRules
{
    private readonly IReadOnlyList<RobotsRule> _rules;
    private readonly bool _disallowAll;

    public RobotsRules(IEnumerable<RobotsRule> rules, TimeSpan? crawlDelay)
        : this(rules.ToList(), crawlDelay, disallowAll: false)
    {
    }

    private RobotsRules(IReadOnlyList<RobotsRule> rules, TimeSpan? crawlDelay, bool disallowAll)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        _disallowAll = disallowAll;
    }

    /// <summary>What robots.txt answering 4xx (or absent) means: no restriction.</summary>
    public static RobotsRules AllowAll { get; } = new([], null, disallowAll: false);

    /// <summary>What an unreachable robots.txt (5xx, network failure) means: complete disallow.</summary>
    public static RobotsRules DisallowAll { get; } = new([], null, disallowAll: true);

    public TimeSpan? CrawlDelay { get; }

    public IReadOnlyList<RobotsRule> Rules => _rules;

    public bool IsAllowed(Uri url) => IsAllowed(url.PathAndQuery);

    /// <summary>Whether a path (with its query) may be fetched; <c>/robots.txt</c> itself always may.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        var path = PercentEncoding.Normalize(pathAndQuery.Length == 0 ? "/" : pathAndQuery);
        if (path == "/robots.txt")
            return true;
        if (_disallowAll)
            return false;
        return DecidingRule(path)?.Allow ?? true;
    }

    /// <summary>The rule that decides a normalised path, or null when no rule matches.</summary>
    public RobotsRule? DecidingRule(string path)
    {
        RobotsRule? best = null;
        foreach (var rule in _rules)
        {
            if (best is not null && (rule.Pattern.Length < best.Pattern.Length ||
                                     (rule.Pattern.Length == best.Pattern.Length && !rule.Allow)))
                continue;
            if (rule.Matches(path))
                best = rule;
        }
        return best;
    }
}
