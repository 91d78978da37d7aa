using Pursearch.Indexer.Crawling;
using Spectre.Console;

namespace Pursearch.Host.Commands;

/// <summary>The live progress of a crawl on stderr (a refreshing table on a terminal, a line every few seconds otherwise), and its summary.</summary>
public static class CrawlProgressView
{
    private static readonly IAnsiConsole Error = CreateConsole();

    public static async Task ShowWhileRunningAsync(CrawlRun run, Task crawl, CancellationToken cancel)
    {
        if (Error.Profile.Capabilities.Interactive && !Console.IsErrorRedirected)
        {
            await Error.Live(Table(run.Progress)).AutoClear(false).StartAsync(async live =>
            {
                while (!crawl.IsCompleted)
                {
                    await Task.WhenAny(crawl, Task.Delay(250, CancellationToken.None));
                    live.UpdateTarget(Table(run.Progress));
                }
            });
            return;
        }
        while (!crawl.IsCompleted)
        {
            await Task.WhenAny(crawl, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
            if (!crawl.IsCompleted)
                await Console.Error.WriteLineAsync($"crawl: {Line(run.Progress)}");
        }
    }

    public static void WriteSummary(CrawlSummary summary, int written, int duplicates, string outputPath)
    {
        var progress = summary.Progress;
        Error.MarkupLine($"[bold]crawl finished[/] ({Markup.Escape(Reason(summary.StopReason))}) in {progress.Elapsed.TotalSeconds:0.0} s: {Markup.Escape(Line(progress))}");
        foreach (var (kind, count) in progress.ErrorsByKind)
            Error.MarkupLine($"  [red]{count,6}[/] {Markup.Escape(kind)}");
        Error.MarkupLine($"wrote {written} products to {Markup.Escape(outputPath)}" + (duplicates > 0 ? $" ({duplicates} seen again on other pages)" : ""));
    }

    private static IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
            console.Profile.Width = 200;
        return console;
    }

    private static Table Table(CrawlProgress progress)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("crawl").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("pages fetched", $"{progress.PagesFetched}");
        table.AddRow("not modified (304)", $"{progress.NotModified}");
        table.AddRow("products", $"[green]{progress.ProductsExtracted}[/]");
        table.AddRow("skipped pages", $"{progress.PagesSkipped}");
        table.AddRow("errors", progress.Errors == 0 ? "0" : $"[red]{progress.Errors}[/]");
        foreach (var (kind, count) in progress.ErrorsByKind)
            table.AddRow($"  {Markup.Escape(kind)}", $"{count}");
        table.AddRow("queued / in flight", $"{progress.Queued} / {progress.InFlight}");
        table.AddRow("elapsed", $"{progress.Elapsed:mm\\:ss}");
        return table;
    }

    private static string Line(CrawlProgress p) =>
        $"{p.PagesFetched} pages, {p.NotModified} not modified, {p.ProductsExtracted} products, {p.PagesSkipped} skipped, " +
        $"{p.Errors} errors, {p.Queued} queued";

    private static string Reason(CrawlStopReason reason) =>
        reason switch
        {
            CrawlStopReason.PageBudget => "page budget reached",
            CrawlStopReason.TimeBudget => "time limit reached",
            CrawlStopReason.Cancelled => "cancelled",
            _ => "every page found was crawled",
        };
}
