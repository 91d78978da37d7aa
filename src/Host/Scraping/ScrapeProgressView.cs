using Pursearch.Indexer.Scraping;
using Spectre.Console;

namespace Pursearch.Host.Scraping;

/// <summary>The live progress of a scrape on stderr: a refreshing table on a terminal, a line every few seconds otherwise.</summary>
public sealed class ScrapeProgressView : IProgress<ScrapeProgress>
{
    private static readonly IAnsiConsole Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    private ScrapeProgress? _latest;

    public void Report(ScrapeProgress value) => Volatile.Write(ref _latest, value);

    /// <summary>Shows the latest progress until <paramref name="work"/> ends.</summary>
    public async Task ShowWhileAsync(Task work)
    {
        if (Error.Profile.Capabilities.Interactive && !Console.IsErrorRedirected)
        {
            await Error.Live(new Text("starting...")).AutoClear(false).StartAsync(async live =>
            {
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(250, CancellationToken.None));
                    if (Volatile.Read(ref _latest) is { } progress)
                        live.UpdateTarget(Table(progress));
                }
            });
            return;
        }
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
            if (!work.IsCompleted && Volatile.Read(ref _latest) is { } progress)
                await Console.Error.WriteLineAsync($"scrape {progress.RunId}: {progress.Line()}");
        }
    }

    private static Table Table(ScrapeProgress p)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn($"scrape {Markup.Escape(p.RunId)}").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("pages fetched", $"{p.Crawl.PagesFetched}");
        table.AddRow("not modified (304)", $"{p.Crawl.NotModified}");
        table.AddRow("products new", $"[green]{p.Counter(ScrapeCounters.ProductsNew)}[/]");
        table.AddRow("products price/stock changed", $"{p.Counter(ScrapeCounters.ProductsPriceChanged)}");
        table.AddRow("products image changed", $"{p.Counter(ScrapeCounters.ProductsImageChanged)}");
        table.AddRow("products unchanged", $"{p.Counter(ScrapeCounters.ProductsUnchanged) + p.Counter(ScrapeCounters.ProductsNotModified)}");
        table.AddRow("products skipped", $"{p.Counter(ScrapeCounters.ProductsSkipped)}");
        table.AddRow("images fetched / failed", $"{p.Counter(ScrapeCounters.ImagesFetched)} / {p.Counter(ScrapeCounters.ImagesFailed)}");
        table.AddRow("queued for embedding", $"{p.Counter(ScrapeCounters.EmbedQueued)}");
        table.AddRow("errors", p.Errors == 0 ? "0" : $"[red]{p.Errors}[/]");
        foreach (var (name, count) in p.Counters.Where(c => c.Key.StartsWith(ScrapeCounters.ErrorPrefix, StringComparison.Ordinal)))
            table.AddRow($"  {Markup.Escape(name[ScrapeCounters.ErrorPrefix.Length..])}", $"{count}");
        table.AddRow("queued / in flight", $"{p.Crawl.Queued} / {p.Crawl.InFlight}");
        table.AddRow("elapsed", $"{p.Crawl.Elapsed:mm\\:ss}");
        return table;
    }
}
