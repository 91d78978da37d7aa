using System.Globalization;
using System.Text.RegularExpressions;

namespace Pursearch.Indexer.Crawling.Urls;

/// <summary>Limits past which a URL is taken for a crawler trap rather than a page worth fetching.</summary>
public sealed record TrapDetectionOptions
{
    public int MaxUrlLength { get; init; } = 2048;
    public int MaxPathSegments { get; init; } = 16;
    /// <summary>A path segment occurring this many times (<c>/a/b/a/b/a</c>) marks a relative-link loop.</summary>
    public int MaxSegmentRepeats { get; init; } = 3;
    public int MaxQueryParameters { get; init; } = 12;
    /// <summary>Distinct query strings allowed on one path (facet and session explosions).</summary>
    public int MaxQueryVariantsPerPath { get; init; } = 250;
    /// <summary>Distinct dates allowed in URLs of one shape (endless calendar links).</summary>
    public int MaxDatedVariantsPerShape { get; init; } = 36;
    /// <summary>
    /// Dated pages allowed in a row, each found on the one before with the same URL shape (a calendar's next/previous
    /// links). Kept below the usual depth limit so a calendar is recorded as a trap, not silently cut by depth.
    /// </summary>
    public int MaxDatedChain { get; init; } = 5;
    /// <summary>A date further than this many years in the future is a calendar walking off the edge.</summary>
    public int MaxYearsAhead { get; init; } = 3;
    public int MinYear { get; init; } = 1990;
}

/// <summary>
/// Spots crawler traps among newly discovered URLs: overlong or over-deep paths, repeating segments, too many
/// query parameters, a query-string explosion on one path, and calendar-like endless date links (too many dates in
/// one URL shape, or a chain of dated pages each linking to the next).
/// Stateful: call <see cref="Check"/> once per new canonical URL.
/// </summary>
public sealed partial class CrawlerTrapDetector(TrapDetectionOptions options, TimeProvider time)
{
    private static readonly HashSet<string> DateParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "date", "day", "month", "year", "week", "cal", "calendar", "ym",
    };

    private readonly Dictionary<string, int> _queryVariants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _datedVariants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DatedLink> _datedChains = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The reason <paramref name="url"/> looks like a trap, or null when it looks like an ordinary page.</summary>
    /// <param name="url">A canonical URL not checked before.</param>
    /// <param name="foundOn">The canonical URL of the page that linked to it, if any.</param>
    public string? Check(Uri url, Uri? foundOn = null)
    {
        var shapeReason = CheckShape(url);
        if (shapeReason is not null)
            return shapeReason;
        lock (_gate)
            return CheckQueryExplosion(url) ?? CheckCalendar(url, foundOn);
    }

    private string? CheckShape(Uri url)
    {
        if (url.AbsoluteUri.Length > options.MaxUrlLength)
            return $"URL longer than {options.MaxUrlLength} characters";
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > options.MaxPathSegments)
            return $"path deeper than {options.MaxPathSegments} segments";
        var repeated = segments
            .GroupBy(s => s, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() >= options.MaxSegmentRepeats);
        if (repeated is not null)
            return $"path segment '{repeated.Key}' repeats {repeated.Count()} times";
        var parameters = QueryParameters(url).Count;
        return parameters > options.MaxQueryParameters
            ? $"{parameters} query parameters (more than {options.MaxQueryParameters})"
            : null;
    }

    private string? CheckQueryExplosion(Uri url)
    {
        if (url.Query.Length <= 1)
            return null;
        var path = url.GetLeftPart(UriPartial.Path);
        var count = _queryVariants[path] = _queryVariants.GetValueOrDefault(path) + 1;
        return count > options.MaxQueryVariantsPerPath
            ? $"more than {options.MaxQueryVariantsPerPath} query variants of {url.AbsolutePath}"
            : null;
    }

    private string? CheckCalendar(Uri url, Uri? foundOn)
    {
        var years = new List<int>();
        var dated = false;
        var path = DateInPath().Replace(url.AbsolutePath, match =>
        {
            years.Add(int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture));
            dated = true;
            return "{date}";
        });
        var query = new List<string>();
        foreach (var (name, value) in QueryParameters(url))
        {
            var date = DateOf(name, value);
            query.Add(date is null ? $"{name}={value}" : $"{name}={{date}}");
            dated |= date is not null;
            if (date is { } year and > 0)
                years.Add(year);
        }
        if (!dated)
            return null;
        var thisYear = time.GetUtcNow().Year;
        var farYear = years.FirstOrDefault(y => y > thisYear + options.MaxYearsAhead || y < options.MinYear);
        if (farYear != 0)
            return $"calendar link to the year {farYear}";
        var shape = url.GetLeftPart(UriPartial.Authority) + path + "?" + string.Join('&', query);
        var count = _datedVariants[shape] = _datedVariants.GetValueOrDefault(shape) + 1;
        if (count > options.MaxDatedVariantsPerShape)
            return $"more than {options.MaxDatedVariantsPerShape} dated variants of {path} (calendar)";
        var chain = ChainLength(url, foundOn, shape);
        return chain > options.MaxDatedChain
            ? $"{chain} dated pages of {path} in a row, each linking to the next (calendar)"
            : null;
    }

    /// <summary>How many dated pages of this shape lead here, each found on the one before (1 when the page that linked here is not one).</summary>
    private int ChainLength(Uri url, Uri? foundOn, string shape)
    {
        var length = foundOn is not null && _datedChains.TryGetValue(foundOn.AbsoluteUri, out var parent) && parent.Shape == shape
            ? parent.Length + 1
            : 1;
        _datedChains[url.AbsoluteUri] = new DatedLink(shape, length);
        return length;
    }

    /// <summary>Null when the parameter is no date; else the year it names, or 0 for a bare day, week or month.</summary>
    private static int? DateOf(string name, string value)
    {
        var match = DateValue().Match(Uri.UnescapeDataString(value));
        if (!match.Success)
            return null;
        if (match.Groups["year"].Success)
            return int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (!DateParameters.Contains(name))
            return null;
        var number = int.Parse(match.Value, CultureInfo.InvariantCulture);
        return number >= 1000 ? number : 0;
    }

    private static List<(string Name, string Value)> QueryParameters(Uri url) =>
        url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (parts[0], parts.Length > 1 ? parts[1] : ""))
            .ToList();

    private readonly record struct DatedLink(string Shape, int Length);

    [GeneratedRegex(@"(?<![0-9])(?<year>1[89][0-9]{2}|2[0-9]{3})[-/_.](?:0?[1-9]|1[0-2])(?:[-/_.](?:0?[1-9]|[12][0-9]|3[01]))?(?![0-9])")]
    private static partial Regex DateInPath();

    [GeneratedRegex(@"^(?:(?<year>1[89][0-9]{2}|2[0-9]{3})[-/_.](?:0?[1-9]|1[0-2])(?:[-/_.](?:0?[1-9]|[12][0-9]|3[01]))?|[0-9]{1,4})$")]
    private static partial Regex DateValue();
}
