using System.CommandLine;
using Pursearch.Core;
using Pursearch.Host.Cli;
using Pursearch.Indexer;
using Pursearch.Indexer.Crawling;
using Pursearch.Indexer.Crawling.Output;

namespace Pursearch.Host.Commands;

/// <summary>
/// <c>pursearch crawl URL... --retailer NAME --out FILE.jsonl</c>: a one-shot crawl without a store (like
/// <c>scrapy crawl -o</c>), one JSON object per product per line, live progress on stderr, a summary at the end.
/// </summary>
public static class CrawlCommand
{
    public static Command Create()
    {
        var urls = new Argument<string[]>("URL")
        {
            Description = "Start URLs: listing pages, product pages or sitemaps (index or urlset, gzip too).",
            Arity = ArgumentArity.OneOrMore,
        };
        var retailer = new Option<string>("--retailer") { Description = "Retailer slug the product ids get (retailer:sku).", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "The JSON-lines file to write (replaced if it exists).", Required = true };
        var maxPages = new Option<int>("--max-pages") { Description = "Page budget (pages and sitemaps requested).", DefaultValueFactory = _ => 1000 };
        var rate = new Option<double>("--rate") { Description = "Requests per second per host (robots.txt Crawl-delay can lower it).", DefaultValueFactory = _ => 1 };
        var maxDepth = new Option<int>("--max-depth") { Description = "How many links deep to follow from the start URLs.", DefaultValueFactory = _ => 10 };
        var timeLimit = new Option<int>("--time-limit") { Description = "Time budget in seconds.", DefaultValueFactory = _ => 3600 };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow private, loopback and link-local addresses (local demo shops)." };
        var command = new Command("crawl", "Crawl retailer pages once and write the products found to a JSON-lines file (no store).")
        {
            urls, retailer, output, maxPages, rate, maxDepth, timeLimit, allowPrivate,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var source = SourceOf(parse.GetValue(urls)!, parse.GetValue(retailer)!, parse.GetValue(rate), parse.GetValue(maxPages),
                parse.GetValue(maxDepth), parse.GetValue(timeLimit), parse.GetValue(allowPrivate));
            return await RunAsync(source, OutputPath(parse.GetValue(output)!), cancel);
        });
        return command;
    }

    private static CrawlSource SourceOf(string[] urls, string retailer, double rate, int maxPages, int maxDepth, int timeLimit,
        bool allowPrivate)
    {
        var starts = urls.Select(url =>
            Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                ? parsed
                : throw new CliException($"'{url}' is not an absolute http(s) URL", CliApp.UsageError));
        if (timeLimit <= 0)
            throw new CliException($"--time-limit {timeLimit} must be a positive number of seconds", CliApp.UsageError);
        try
        {
            return new CrawlSource(retailer, starts.ToList(), requestsPerSecond: rate, maxPages: maxPages, maxDepth: maxDepth,
                timeBudget: TimeSpan.FromSeconds(timeLimit), allowPrivate: allowPrivate);
        }
        catch (DomainException e)
        {
            throw new CliException(OptionNameOf(e), CliApp.UsageError);
        }
    }

    private static string OptionNameOf(DomainException error)
    {
        var reason = error.Message.Replace($" (Parameter '{error.ParamName}')", "");
        reason = reason.StartsWith(error.Field + ": ", StringComparison.Ordinal) ? reason[(error.Field.Length + 2)..] : reason;
        var option = error.Field switch
        {
            "requestsPerSecond" => "--rate",
            "maxPages" => "--max-pages",
            "maxDepth" => "--max-depth",
            "retailer" => "--retailer",
            _ => error.Field,
        };
        return $"{option}: {reason}";
    }

    private static string OutputPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new CliException($"--out '{path}' is a folder, not a file", CliApp.UsageError);
        if (!Directory.Exists(Path.GetDirectoryName(full)))
            throw new CliException($"--out: folder '{Path.GetDirectoryName(full)}' does not exist", CliApp.UsageError);
        return full;
    }

    private static async Task<int> RunAsync(CrawlSource source, string outputPath, CancellationToken cancel)
    {
        using var system = LocalActorSystem.Create();
        try
        {
            using var run = new Crawler(system).Prepare(source);
            await using var file = File.Create(outputPath);
            await using var writer = new JsonLinesProductWriter(file);
            var crawl = run.RunAsync(writer, cancel);
            await CrawlProgressView.ShowWhileRunningAsync(run, crawl, cancel);
            var summary = await crawl;
            CrawlProgressView.WriteSummary(summary, writer.Written, writer.Duplicates, outputPath);
            if (summary.Progress.PagesFetched + summary.Progress.NotModified == 0)
                throw new CliException($"no page could be fetched ({Describe(summary.Progress)})");
            return 0;
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static string Describe(CrawlProgress progress) =>
        progress.ErrorsByKind.Count == 0
            ? "nothing to crawl"
            : string.Join(", ", progress.ErrorsByKind.Select(e => $"{e.Value} {e.Key}"));
}
