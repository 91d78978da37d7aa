using Pursearch.Indexer.CatalogImport;
using Pursearch.Indexer.Embedding;
using Pursearch.Indexer.Scraping;
using Pursearch.Indexer.Training;
using Pursearch.SearchNode.Admin;

namespace Pursearch.Host.Node;

/// <summary>Adapts the progress of each preparation step (import, embed, train, build) to stage counters, which the
/// CLI shows as progress bars and the admin API as percentages.</summary>
public static class StageReports
{
    public static IProgress<CatalogImportProgress> Import(IProgress<TrainingProgress> stages) =>
        new Relay<CatalogImportProgress>(p => stages.Report(new TrainingProgress("import catalog", p.Processed, p.Total)));

    public static IProgress<EmbeddingProgress> Embed(IProgress<TrainingProgress> stages) =>
        new Relay<EmbeddingProgress>(p => stages.Report(new TrainingProgress("embed product images", (int)p.Done, (int)p.Total)));

    /// <summary>A scrape's pages done out of pages found so far (the total grows as links are discovered).</summary>
    public static IProgress<ScrapeProgress> Scrape(IProgress<TrainingProgress> stages, string shop) =>
        new Relay<ScrapeProgress>(p => stages.Report(new TrainingProgress($"crawl {shop}", (int)p.PagesDone, (int)p.PagesKnown)));

    public static IProgress<double> Build(IProgress<TrainingProgress> stages, int shards) =>
        new Relay<double>(f => stages.Report(new TrainingProgress("build index shards", (int)Math.Round(f * shards), shards)));

    /// <summary>Stage counters into an admin operation's progress.</summary>
    public static IProgress<TrainingProgress> Into(OperationProgress operation) =>
        new Relay<TrainingProgress>(p => operation.Report(p.Stage, p.Total == 0 ? 1 : (double)p.Done / p.Total, $"{p.Done}/{p.Total}"));

    // Reports on the calling thread: Progress<T> would post out of order to the thread pool.
    private sealed class Relay<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
