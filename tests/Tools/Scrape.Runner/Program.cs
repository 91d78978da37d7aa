using Pursearch.Indexer;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Scraping;
using Pursearch.Storage;

// Usage: DB DATA SOURCE — scrapes the registered SOURCE into the SQLite store DB (data dir DATA), printing
// "run RUN_ID" when the run record exists and "finished STATUS" at the end.
var (db, data, source) = (args[0], args[1], args[2]);
await using var store = await StoreFactory.OpenAsync(StoreUri.Parse($"sqlite:{db}", data), new StoreOptions(data));
var system = LocalActorSystem.Create("scrape-runner");
try
{
    var options = new ScrapeOptions
    {
        Crawler = new CrawlerOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 2 },
        CommitBatchPages = 2,
        FlushInterval = TimeSpan.FromMilliseconds(100),
    };
    var progress = new RunAnnouncer();
    var result = await new ScrapeRunner(store, system, options).RunAsync(source, progress: progress);
    Console.WriteLine($"finished {result.Status}");
}
finally
{
    await system.Terminate();
}
return 0;

/// <summary>Prints the run id once, when the first progress report names it.</summary>
internal sealed class RunAnnouncer : IProgress<ScrapeProgress>
{
    private int _announced;

    public void Report(ScrapeProgress value)
    {
        if (Interlocked.Exchange(ref _announced, 1) == 0)
            Console.WriteLine($"run {value.RunId}");
    }
}
