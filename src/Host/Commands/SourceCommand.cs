using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pursearch.Core;
using Pursearch.Host.Cli;
using Pursearch.Host.Scraping;
using Pursearch.Indexer.Scraping;
using Pursearch.Storage.Contracts;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch source add|list|remove</c>: the registered retailer sources, through the running node's admin API
/// (or the data dir's store when no node runs).</summary>
public static class SourceCommand
{
    public static Command Create()
    {
        var source = new Command("source", "Register, list and remove retailer sources to scrape.");
        source.Subcommands.Add(Add());
        source.Subcommands.Add(List());
        source.Subcommands.Add(Remove());
        return source;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "Source name (a-z, 0-9, '-', '_', '.')." };
        var retailer = new Option<string>("--retailer") { Description = "Retailer slug the product ids get (retailer:sku).", Required = true };
        var urls = new Option<string[]>("--url")
        {
            Description = "Start URLs: listing pages, product pages or sitemaps.", Required = true, AllowMultipleArgumentsPerToken = true,
        };
        var hosts = new Option<string[]>("--host") { Description = "Allowed hosts (default: the start URLs' hosts).", AllowMultipleArgumentsPerToken = true };
        var rate = new Option<double>("--rate") { Description = "Requests per second per host (robots.txt Crawl-delay can lower it).", DefaultValueFactory = _ => 1 };
        var maxPages = new Option<int>("--max-pages") { Description = "Page budget per scrape.", DefaultValueFactory = _ => 10_000 };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow private, loopback and link-local addresses (local demo shops)." };
        var schedule = new Option<string?>("--schedule") { Description = "Cron schedule (five fields), e.g. '0 3 * * *'." };
        var target = OperatorTarget.CreateOptions();
        var command = new Command("add", "Register a source.") { name, retailer, urls, hosts, rate, maxPages, allowPrivate, schedule };
        foreach (var option in target.All)
            command.Options.Add(option);
        command.SetAction(async (parse, cancel) =>
        {
            var definition = Define(parse.GetValue(name)!, parse.GetValue(retailer)!, parse.GetValue(urls)!, parse.GetValue(hosts),
                parse.GetValue(rate), parse.GetValue(maxPages), parse.GetValue(allowPrivate), parse.GetValue(schedule));
            var at = OperatorTarget.From(parse, target);
            if (at.Node is { } node)
            {
                using var client = new ScrapeAdminClient(node);
                await client.AddSourceAsync(new
                {
                    definition.Name, definition.Retailer, StartUrls = definition.StartUrls.Select(u => u.AbsoluteUri),
                    definition.AllowedHosts, definition.RequestsPerSecond, definition.MaxPages, definition.AllowPrivate, definition.Schedule,
                }, cancel);
            }
            else
            {
                await using var store = await at.OpenStoreAsync(cancel);
                try
                {
                    await OperatorTarget.StateOf(store).Sources.AddAsync(definition, cancel);
                }
                catch (StoreConflictException e)
                {
                    throw new CliException(e.Message);
                }
            }
            Console.Out.WriteLine($"source {definition.Name}: {definition.Retailer} from {string.Join(' ', definition.StartUrls)}");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var target = OperatorTarget.CreateOptions();
        var json = new Option<bool>("--json") { Description = "Print the sources as JSON." };
        var command = new Command("list", "List the registered sources.") { json };
        foreach (var option in target.All)
            command.Options.Add(option);
        command.SetAction(async (parse, cancel) =>
        {
            var at = OperatorTarget.From(parse, target);
            IReadOnlyList<ScrapeSource> sources;
            if (at.Node is { } node)
            {
                using var client = new ScrapeAdminClient(node);
                sources = [.. (await client.ListSourcesAsync(cancel)).EnumerateArray().Select(FromJson)];
            }
            else
            {
                await using var store = await at.OpenStoreAsync(cancel);
                sources = await OperatorTarget.StateOf(store).Sources.ListAsync(cancel);
            }
            Console.Out.Write(parse.GetValue(json) ? Json(sources) : Table(sources));
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("NAME") { Description = "The source to remove (its products and runs stay)." };
        var target = OperatorTarget.CreateOptions();
        var command = new Command("remove", "Remove a source and the page states of its crawls.") { name };
        foreach (var option in target.All)
            command.Options.Add(option);
        command.SetAction(async (parse, cancel) =>
        {
            var at = OperatorTarget.From(parse, target);
            var source = parse.GetValue(name)!;
            if (at.Node is { } node)
            {
                using var client = new ScrapeAdminClient(node);
                await client.RemoveSourceAsync(source, cancel);
            }
            else
            {
                await using var store = await at.OpenStoreAsync(cancel);
                if (!await OperatorTarget.StateOf(store).Sources.RemoveAsync(source, cancel))
                    throw new CliException($"no source '{source}'");
            }
            Console.Out.WriteLine($"source {source}: removed");
            return 0;
        });
        return command;
    }

    private static ScrapeSource Define(string name, string retailer, string[] urls, string[]? hosts, double rate, int maxPages,
        bool allowPrivate, string? schedule)
    {
        var starts = urls.Select(url => Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            ? parsed
            : throw new CliException($"--url '{url}' is not an absolute http(s) URL", CliApp.UsageError)).ToList();
        try
        {
            var source = new ScrapeSource(name, retailer, starts, hosts, rate, maxPages, allowPrivate, schedule);
            ScrapeSources.ToCrawlSource(source, new ScrapeOptions());
            return source;
        }
        catch (DomainException e)
        {
            throw new CliException($"{OptionOf(e.Field)}: {e.Message[(e.Field.Length + 2)..].Replace($" (Parameter '{e.ParamName}')", "")}",
                CliApp.UsageError);
        }
    }

    private static string OptionOf(string field) => field switch
    {
        "name" => "NAME",
        "startUrls" => "--url",
        "allowedHosts" => "--host",
        "requestsPerSecond" => "--rate",
        "maxPages" => "--max-pages",
        _ => "--" + field,
    };

    private static ScrapeSource FromJson(JsonElement s) =>
        new(s.GetProperty("name").GetString()!, s.GetProperty("retailer").GetString()!,
            s.GetProperty("startUrls").EnumerateArray().Select(u => new Uri(u.GetString()!)),
            s.GetProperty("allowedHosts").EnumerateArray().Select(h => h.GetString()!), s.GetProperty("requestsPerSecond").GetDouble(),
            s.GetProperty("maxPages").GetInt32(), s.GetProperty("allowPrivate").GetBoolean(),
            s.GetProperty("schedule").ValueKind == JsonValueKind.String ? s.GetProperty("schedule").GetString() : null,
            s.GetProperty("createdAt").GetDateTimeOffset());

    private static string Table(IReadOnlyList<ScrapeSource> sources)
    {
        if (sources.Count == 0)
            return "no sources; add one with 'pursearch source add NAME --retailer R --url URL'\n";
        var lines = sources.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Name,-16} {s.Retailer,-14} {s.RequestsPerSecond,6:0.##}/s {s.MaxPages,7} pages {(s.AllowPrivate ? "private " : "")}" +
            $"{(s.Schedule is null ? "" : $"[{s.Schedule}] ")}{string.Join(' ', s.StartUrls)}"));
        return string.Join('\n', lines) + "\n";
    }

    private static string Json(IReadOnlyList<ScrapeSource> sources) =>
        JsonSerializer.Serialize(sources.Select(s => new
        {
            s.Name, s.Retailer, StartUrls = s.StartUrls.Select(u => u.AbsoluteUri), s.AllowedHosts, s.RequestsPerSecond, s.MaxPages,
            s.AllowPrivate, s.Schedule, s.CreatedAt,
        }), new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }) + "\n";
}
