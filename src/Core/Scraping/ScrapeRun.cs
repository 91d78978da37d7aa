using System.Collections.Immutable;

namespace Pursearch.Core.Scraping;

/// <summary>Where a scrape run stands.</summary>
public enum ScrapeRunStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>One error a scrape run met, by kind (e.g. <c>http-5xx</c>, <c>robots-disallowed</c>).</summary>
public sealed record ScrapeError(string Kind, string Url, string Message, DateTimeOffset At);

/// <summary>One scrape of a source: counters (pages, 304s, products new/changed/unchanged/skipped, images) and errors.</summary>
public sealed record ScrapeRun
{
    public string Id { get; }
    public string Source { get; }
    public DateTimeOffset StartedAt { get; }
    public DateTimeOffset? FinishedAt { get; }
    public ScrapeRunStatus Status { get; }
    public ImmutableSortedDictionary<string, long> Counters { get; }
    public ImmutableList<ScrapeError> Errors { get; }

    public ScrapeRun(string id, string source, DateTimeOffset startedAt, ScrapeRunStatus status = ScrapeRunStatus.Running,
        DateTimeOffset? finishedAt = null, IReadOnlyDictionary<string, long>? counters = null,
        IEnumerable<ScrapeError>? errors = null)
    {
        Id = Versions.VersionId.Check(id, "scrapeRun");
        Source = Guard.NotBlank(source, "source");
        StartedAt = startedAt;
        Status = status;
        FinishedAt = finishedAt;
        if (finishedAt < startedAt)
            throw new DomainException("finishedAt", "must not be before startedAt");
        Counters = (counters ?? ImmutableDictionary<string, long>.Empty).ToImmutableSortedDictionary(StringComparer.Ordinal);
        Errors = (errors ?? []).ToImmutableList();
    }

    public long Counter(string name) => Counters.GetValueOrDefault(name);
}
