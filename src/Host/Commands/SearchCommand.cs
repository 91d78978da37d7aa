using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pursearch.Host.Admin;
using Pursearch.Host.Cli;
using Pursearch.SearchNode.Hosting;
using Pursearch.Storage;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;
using Spectre.Console;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch search IMAGE [--max-price] [--retailer] [--json] [--url URL | --data DIR]</c>: searches by photo
/// against a running node (<c>--url</c>, or the one serving <c>--data</c>), or, when none runs, an in-process node over
/// the data dir; prints the crop, identification and a table of matches.</summary>
public static class SearchCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var image = new Argument<string>("IMAGE") { Description = "The photo (JPEG, PNG, WebP, GIF or BMP)." };
        var url = new Option<string?>("--url") { Description = "A running node, e.g. http://127.0.0.1:8080." };
        var data = DataDirectory.Option();
        var store = DataDirectory.StoreOption();
        var minPrice = new Option<decimal?>("--min-price") { Description = "Lowest price, in --currency." };
        var maxPrice = new Option<decimal?>("--max-price") { Description = "Highest price, in --currency." };
        var currency = new Option<string>("--currency") { Description = "Currency prices compare in.", DefaultValueFactory = _ => "USD" };
        var retailer = new Option<string[]>("--retailer") { Description = "Only these retailers (repeatable).", AllowMultipleArgumentsPerToken = true };
        var crop = new Option<string>("--crop") { Description = "auto (find the bag) or off (whole photo).", DefaultValueFactory = _ => "auto" };
        var k = new Option<int>("-k", "--k") { Description = "How many results (1..100).", DefaultValueFactory = _ => 12 };
        var json = new Option<bool>("--json") { Description = "Print the node's JSON answer." };
        var command = new Command("search", "Search by photo and print the crop, identification and matches.")
        {
            image, url, data, store, minPrice, maxPrice, currency, retailer, crop, k, json,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var path = parse.GetValue(image)!;
            if (!File.Exists(path))
                throw new CliException($"no file '{path}'", CliApp.UsageError);
            var photo = await File.ReadAllBytesAsync(path, cancel);
            var query = Query(parse.GetValue(minPrice), parse.GetValue(maxPrice), parse.GetValue(currency)!,
                parse.GetValue(retailer) ?? [], parse.GetValue(crop)!, parse.GetValue(k));
            var dataDirectory = new DataDirectory(parse.GetValue(data)!);
            var answer = NodeAddress.Find(parse.GetValue(url), dataDirectory.Root) is { } node
                ? await SearchAsync(node, photo, Path.GetFileName(path), query, cancel)
                : await SearchInProcessAsync(dataDirectory, parse.GetValue(store), photo, Path.GetFileName(path), query, cancel);
            if (parse.GetValue(json))
                Console.Out.WriteLine(JsonSerializer.Serialize(answer, Indented));
            else
                Print(answer);
            return 0;
        });
        return command;
    }

    private static string Query(decimal? min, decimal? max, string currency, string[] retailers, string crop, int k)
    {
        var parts = new List<string> { $"crop={Uri.EscapeDataString(crop)}", $"currency={Uri.EscapeDataString(currency)}", $"k={k}" };
        if (min is { } low)
            parts.Add($"minPrice={low.ToString(CultureInfo.InvariantCulture)}");
        if (max is { } high)
            parts.Add($"maxPrice={high.ToString(CultureInfo.InvariantCulture)}");
        parts.AddRange(retailers.Select(r => $"retailer={Uri.EscapeDataString(r)}"));
        return "?" + string.Join('&', parts);
    }

    private static async Task<JsonElement> SearchAsync(NodeAddress node, byte[] photo, string name, string query, CancellationToken cancel)
    {
        using var client = new AdminClient(node);
        return await client.SearchAsync(photo, name, query, cancel);
    }

    // No node runs on the data dir: start one here on a free loopback port for this one query.
    private static async Task<JsonElement> SearchInProcessAsync(DataDirectory data, string? storeUri, byte[] photo, string name,
        string query, CancellationToken cancel)
    {
        if (!Directory.Exists(data.Root))
            throw new CliException($"no node runs and there is no data dir {data.Root}: pass --url, or run 'pursearch up --demo' first");
        IStore store;
        try
        {
            store = await StoreFactory.OpenAsync(data.Store(storeUri), new StoreOptions(data.Root), createIfMissing: false, cancel);
        }
        catch (StoreException e)
        {
            throw new CliException(e.Message);
        }
        await using (store)
        {
            using var embedder = ImageEmbedder.Create();
            var settings = new NodeSettings { DataDirectory = data.Root, HttpPort = 0, WriteNodeFile = false };
            var app = SearchNodeApp.Build(settings, store, embedder, logging: l => l.SetMinimumLevel(LogLevel.Error).AddConsole());
            await using var node = await RunningNode.StartAsync(app, cancel);
            if (!await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), cancel))
                throw new CliException($"no index generation is live in {data.Root}: run 'pursearch up --demo' first");
            return await SearchAsync(new NodeAddress(new Uri(node.Url + "/"), null), photo, name, query, cancel);
        }
    }

    private static void Print(JsonElement r)
    {
        var console = AnsiConsole.Console;
        console.Profile.Width = Math.Max(console.Profile.Width, 140);
        var crop = r.GetProperty("crop");
        var cropText = crop.GetProperty("mode").GetString() == "off" ? "off (whole photo)"
            : crop.GetProperty("found").GetBoolean() ? $"bag found at {Box(crop.GetProperty("box"))}" : "no bag found: searched the whole photo";
        console.MarkupLine($"[bold]generation[/] {Markup.Escape(r.GetProperty("generation").GetString()!)} · [bold]model[/] " +
                           $"{Markup.Escape(r.GetProperty("modelVersion").GetString() ?? "none")} · [bold]crop[/] {Markup.Escape(cropText)}");
        if (r.GetProperty("identification") is { ValueKind: JsonValueKind.Object } id)
        {
            if (id.GetProperty("notHandbag").GetBoolean())
                console.MarkupLine("[yellow]this does not look like a handbag[/]");
            foreach (var t in id.GetProperty("top").EnumerateArray())
                console.MarkupLine($"  {t.GetProperty("probability").GetDouble():P0}  {Markup.Escape(t.GetProperty("brand").GetString()!)} · " +
                                   Markup.Escape(t.GetProperty("style").GetString()!));
        }
        if (r.GetProperty("partial").GetBoolean())
            console.MarkupLine($"[yellow]partial answer: shards {string.Join(", ", r.GetProperty("missingShards").EnumerateArray())} missing[/]");
        var table = new Table().AddColumns("#", "score", "brand", "name", "retailer", "price", "converted", "product");
        var rank = 0;
        foreach (var m in r.GetProperty("results").EnumerateArray())
            table.AddRow(Cell($"{++rank}"), Cell($"{m.GetProperty("score").GetDouble():0.000}"), Cell(m.GetProperty("brand").GetString()!),
                Cell(m.GetProperty("name").GetString()!), Cell(m.GetProperty("retailer").GetString()!), Cell(Money(m.GetProperty("price"))),
                Cell(Money(m.GetProperty("convertedPrice"))), Cell(m.GetProperty("productId").GetString()!));
        console.Write(table);
        var t2 = r.GetProperty("timingsMs");
        console.MarkupLine($"[grey]decode {t2.GetProperty("decode")} ms · crop {t2.GetProperty("crop")} ms · embed {t2.GetProperty("embed")} ms · " +
                           $"search {t2.GetProperty("search")} ms · total {t2.GetProperty("total")} ms[/]");
    }

    private static Markup Cell(string text) => new(Markup.Escape(text));

    private static string Money(JsonElement m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.GetProperty("amount").GetDecimal():0.00} {m.GetProperty("currency").GetString()}");

    private static string Box(JsonElement b) => string.Create(CultureInfo.InvariantCulture,
        $"x {b.GetProperty("x").GetDouble():0.00}, y {b.GetProperty("y").GetDouble():0.00}, w {b.GetProperty("w").GetDouble():0.00}, h {b.GetProperty("h").GetDouble():0.00}");
}
