using Pursearch.Indexer.Scraping;

namespace Pursearch.Host.Scraping;

/// <summary>The one-line summary of a finished scrape, for the CLI and the admin operation's result.</summary>
public static class ScrapeSummary
{
    public static string Line(ScrapeResult r) =>
        $"run {r.RunId}{(r.Resumed ? " (continued)" : "")} {r.Status.ToString().ToLowerInvariant()} ({r.StopReason}): {r.Progress.Line()}; " +
        $"{r.QueuedForEmbedding.Count} queued for embedding" +
        (r.Embedding is { } e ? $", {e.Embedded} embedded ({e.Failed} skipped)" : "") +
        (r.Sweep.Done ? $", {r.Sweep.MarkedUnavailable} marked unavailable" : $"; gone products not marked: {r.Sweep.SkippedBecause}");
}
