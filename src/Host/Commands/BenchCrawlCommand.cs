using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pursearch.Bench.Crawl;
using Pursearch.Host.Cli;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch bench crawl</c>: crawler pages/s with politeness off against a plain parallel HttpClient on the same
/// URLs, and end-to-end scrape products/s, all against the Forge shops served in-process.</summary>
public static class BenchCrawlCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var defaults = new CrawlBenchmarkOptions();
        var products = new Option<int>("--products") { Description = "Products in the served world, over all shops", DefaultValueFactory = _ => defaults.Products };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight, for crawler and baseline alike", DefaultValueFactory = _ => defaults.Concurrency };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds; each pairs the contenders and gives one ratio, the result is the median", DefaultValueFactory = _ => defaults.Rounds };
        var embed = new Option<bool>("--embed") { Description = "Also time crawl -> store -> embed -> index (loads the embedder)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("crawl",
            "Crawler pages/s (politeness off) vs a plain parallel HttpClient on the same URLs, and end-to-end scrape products/s.")
        {
            products, concurrency, rounds, embed, json,
        };
        command.SetAction(async (parse, _) =>
        {
            var options = new CrawlBenchmarkOptions
            {
                Products = Positive(parse.GetValue(products), "--products"),
                Concurrency = Positive(parse.GetValue(concurrency), "--concurrency"),
                Rounds = Positive(parse.GetValue(rounds), "--rounds"),
                Embed = parse.GetValue(embed),
            };
            var asJson = parse.GetValue(json);
            var result = await CrawlBenchmark.RunAsync(options, asJson ? null : message => Console.Error.WriteLine($"  {message}"));
            Console.WriteLine(asJson ? JsonSerializer.Serialize(result, Json) : Describe(result));
            return 0;
        });
        return command;
    }

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new CliException($"{name} must be at least 1", CliApp.UsageError);

    private static string Describe(CrawlBenchmarkResult r)
    {
        var lines = new List<string>
        {
            Invariant($"crawl: {r.Products} products in 4 Forge shops, {r.Pages} pages per crawl x {r.Rounds} rounds, concurrency {r.Concurrency}, no Crawl-delay, {r.WarmUpSeconds:0} s warm-up"),
            Invariant($"  plain parallel HttpClient, same URLs   {r.BaselinePagesPerSecond,8:0.0} pages/s   (baseline)"),
            Invariant($"  crawler (robots, frontier, extract)    {r.CrawlerPagesPerSecond,8:0.0} pages/s   ratio {r.Ratio:0.000} (median of rounds; {r.LowestRatio:0.000}-{r.HighestRatio:0.000})"),
            Invariant($"  fetch + parse + extract, plain loop    {r.FetchAndExtractPagesPerSecond,8:0.0} pages/s   crawler / this {r.RatioToExtraction:0.000} (median; extraction ceiling)"),
            Invariant($"  heap allocated per page: crawler {r.CrawlerKilobytesPerPage:0.0} KB, plain fetch {r.BaselineKilobytesPerPage:0.0} KB, fetch + extract {r.FetchAndExtractKilobytesPerPage:0.0} KB (shops included)"),
            Invariant($"  scrape: crawl -> images -> store       {r.ScrapeProductsPerSecond,8:0.0} products/s ({r.ScrapedProducts} products)"),
        };
        if (r.ScrapeAndEmbedProductsPerSecond is { } embedded)
            lines.Add(Invariant($"  scrape + embed + index (in memory)     {embedded,8:0.0} products/s"));
        lines.Add(Invariant($"  errors: {r.Errors}; target ratio >= {CrawlBenchmarkResult.TargetRatio}: {(r.MeetsTarget ? "met" : "NOT met")}"));
        return string.Join('\n', lines);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
