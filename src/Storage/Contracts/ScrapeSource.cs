using System.Text.RegularExpressions;
using Pursearch.Core;
using Pursearch.Core.Catalog;

namespace Pursearch.Storage.Contracts;

/// <summary>
/// A registered retailer source: where a scrape starts (listing pages, product pages or sitemaps), which hosts it may
/// visit (empty: the start URLs' hosts), how fast (requests per second per host), how far (page budget), whether
/// private addresses are allowed (demo and test shops), and an optional cron schedule (five fields).
/// </summary>
public sealed partial record ScrapeSource
{
    /// <summary>The fastest rate a stored source may ask for.</summary>
    public const double MaxRequestsPerSecond = 10_000;

    public string Name { get; }
    public string Retailer { get; }
    public IReadOnlyList<Uri> StartUrls { get; }
    public IReadOnlyList<string> AllowedHosts { get; }
    public double RequestsPerSecond { get; }
    public int MaxPages { get; }
    public bool AllowPrivate { get; }
    public string? Schedule { get; }
    public DateTimeOffset CreatedAt { get; }

    public ScrapeSource(string name, string retailer, IEnumerable<Uri> startUrls, IEnumerable<string>? allowedHosts = null,
        double requestsPerSecond = 1, int maxPages = 10_000, bool allowPrivate = false, string? schedule = null,
        DateTimeOffset? createdAt = null)
    {
        Name = CheckName(name);
        Retailer = RetailerSlug.Normalize(retailer);
        StartUrls = (startUrls ?? throw new DomainException("startUrls", "are required"))
            .Select(url => Guard.HttpUrl(url?.OriginalString, "startUrls")).Distinct().ToList();
        if (StartUrls.Count == 0)
            throw new DomainException("startUrls", "at least one start URL is required");
        AllowedHosts = (allowedHosts ?? []).Select(CheckHost).Distinct(StringComparer.Ordinal).ToList();
        RequestsPerSecond = double.IsFinite(requestsPerSecond) && requestsPerSecond > 0 && requestsPerSecond <= MaxRequestsPerSecond
            ? requestsPerSecond
            : throw new DomainException("requestsPerSecond", $"{requestsPerSecond} must be a number above 0 and at most {MaxRequestsPerSecond}");
        MaxPages = maxPages > 0 ? maxPages : throw new DomainException("maxPages", $"{maxPages} must be positive");
        AllowPrivate = allowPrivate;
        Schedule = string.IsNullOrWhiteSpace(schedule) ? null : CheckSchedule(schedule);
        CreatedAt = createdAt ?? DateTimeOffset.UtcNow;
    }

    /// <summary>Equal when every setting is equal (lists compared item by item).</summary>
    public bool Equals(ScrapeSource? other) =>
        other is not null && Name == other.Name && Retailer == other.Retailer && StartUrls.SequenceEqual(other.StartUrls) &&
        AllowedHosts.SequenceEqual(other.AllowedHosts) && RequestsPerSecond.Equals(other.RequestsPerSecond) &&
        MaxPages == other.MaxPages && AllowPrivate == other.AllowPrivate && Schedule == other.Schedule &&
        CreatedAt == other.CreatedAt;

    public override int GetHashCode() => HashCode.Combine(Name, Retailer, StartUrls.Count, RequestsPerSecond, MaxPages, CreatedAt);

    private static string CheckName(string? name)
    {
        var value = Guard.NotBlank(name, "name").ToLowerInvariant();
        return NamePattern().IsMatch(value)
            ? value
            : throw new DomainException("name", $"'{name}' is not a source name (a-z, 0-9, '-', '_', '.'; at most 64)");
    }

    private static string CheckHost(string? host)
    {
        var value = Guard.NotBlank(host, "allowedHosts").ToLowerInvariant();
        return HostPattern().IsMatch(value)
            ? value
            : throw new DomainException("allowedHosts", $"'{host}' is not a host, host:port or *.domain");
    }

    private static string CheckSchedule(string schedule)
    {
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5 || !fields.All(f => CronField().IsMatch(f)))
            throw new DomainException("schedule", $"'{schedule}' is not a five-field cron expression (e.g. '0 3 * * *')");
        return string.Join(' ', fields);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(\*\.)?[a-z0-9\[\]:._-]{1,253}$")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^[0-9A-Za-z*/,?LW#-]+$")]
    private static partial Regex CronField();
}
