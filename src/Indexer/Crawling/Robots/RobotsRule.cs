using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Crawling.Robots;

/// <summary>One <c>Allow</c> or <c>Disallow</c> line: a path pattern with <c>*</c> (any run) and a final <c>$</c> (end).</summary>
public sealed record RobotsRule
{
    public bool Allow { get; }
    /// <summary>The pattern with normalised percent-encoding; its length is the rule's priority.</summary>
    public string Pattern { get; }

    public RobotsRule(bool allow, string pattern)
    {
        Allow = allow;
        var trimmed = pattern.Trim();
        Pattern = PercentEncoding.Normalize(trimmed.StartsWith('/') || trimmed.StartsWith('*') ? trimmed : "/" + trimmed);
    }

    /// <summary>Whether the pattern matches <paramref name="path"/> (a normalised path and query) from its start.</summary>
    public bool Matches(string path)
    {
        // Positions in the path reachable after matching a prefix of the pattern; a '*' opens every later one.
        Span<int> reachable = path.Length < 256 ? stackalloc int[path.Length + 1] : new int[path.Length + 1];
        reachable[0] = 0;
        var count = 1;
        for (var i = 0; i < Pattern.Length; i++)
        {
            var c = Pattern[i];
            if (c == '$' && i == Pattern.Length - 1)
                return reachable[count - 1] == path.Length;
            if (c == '*')
            {
                count = path.Length - reachable[0] + 1;
                for (var k = 1; k < count; k++)
                    reachable[k] = reachable[k - 1] + 1;
                continue;
            }
            var next = 0;
            for (var k = 0; k < count; k++)
                if (reachable[k] < path.Length && path[reachable[k]] == c)
                    reachable[next++] = reachable[k] + 1;
            if (next == 0)
                return false;
            count = next;
        }
        return true;
    }

    public override string ToString() => $"{(Allow ? "Allow" : "Disallow")}: {Pattern}";
}
