using System.CommandLine;
using System.Globalization;
using System.Net;
using Pursearch.Forge;
using Pursearch.Forge.Sites;
using Pursearch.Host.Cli;

namespace Pursearch.Host.Commands;

/// <summary>
/// <c>pursearch forge serve [--port P] [--seed N] [--products N] [--faults LIST]</c>: the Forge world as retailer web sites,
/// one shop per retailer on ports P, P+1, ... (0: free ports), until Ctrl+C or SIGTERM.
/// </summary>
public static class ForgeServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port of the first shop; the others follow (0 picks free ports).", DefaultValueFactory = _ => 8600 };
        var host = new Option<string>("--host") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var seed = ForgeCommand.SeedOption();
        var products = ForgeCommand.Count("--products", "Products in the world, over all shops.", ForgeOptions.DefaultProducts);
        var faults = new Option<string>("--faults")
        {
            Description = $"Faults to inject, comma-separated: {string.Join(", ", SiteFaultNames.Known)}.", DefaultValueFactory = _ => "none",
        };
        var delay = new Option<double?>("--crawl-delay") { Description = "Crawl-delay robots.txt asks for, in seconds (default 0.1; 0 leaves it out)." };
        var log = new Option<string?>("--log") { Description = "Also append every request to this file (tab-separated)." };
        var command = new Command("serve", "Serve the Forge world as retailer web sites (one per retailer, each marked up its own way).")
        {
            port, host, seed, products, faults, delay, log,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var options = OptionsOf(parse.GetValue(port), parse.GetValue(host)!, parse.GetValue(seed), parse.GetValue(products),
                parse.GetValue(faults)!, parse.GetValue(delay), parse.GetValue(log));
            await using var server = await StartAsync(options, cancel);
            Describe(server, options);
            await server.WaitForShutdownAsync(cancel);
            await Console.Error.WriteLineAsync($"forge serve: stopped after {server.Log.Entries.Count} requests");
            return 0;
        });
        return command;
    }

    private static ForgeSiteOptions OptionsOf(int port, string host, int seed, int products, string faults, double? delay, string? log)
    {
        if (port is < 0 or > 65535)
            throw new CliException($"--port {port} is out of range 0..65535", CliApp.UsageError);
        if (!IPAddress.TryParse(host, out var address))
            throw new CliException($"--host '{host}' is not an IP address", CliApp.UsageError);
        if (products < 1)
            throw new CliException("--products must be at least 1", CliApp.UsageError);
        if (delay is < 0 or > 600)
            throw new CliException($"--crawl-delay {delay} is out of range 0..600 seconds", CliApp.UsageError);
        SiteFaults parsed;
        try
        {
            parsed = SiteFaultNames.Parse(faults);
        }
        catch (FormatException e)
        {
            throw new CliException($"--faults: {e.Message}", CliApp.UsageError);
        }
        return new ForgeSiteOptions
        {
            Seed = seed, Products = products, BasePort = port, BindAddress = address, Faults = parsed, RequestLogFile = log,
            CrawlDelay = delay switch { null => TimeSpan.FromSeconds(0.1), 0 => null, var d => TimeSpan.FromSeconds(d.Value) },
        };
    }

    private static async Task<ForgeSiteServer> StartAsync(ForgeSiteOptions options, CancellationToken cancel)
    {
        try
        {
            return await ForgeSiteServer.StartAsync(options, cancel);
        }
        catch (IOException e)
        {
            throw new CliException($"cannot listen: {e.Message} (is something else on those ports? see --port)");
        }
    }

    private static void Describe(ForgeSiteServer server, ForgeSiteOptions options)
    {
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"forge serve: {server.World.Products.Count} products (seed {options.Seed}), faults: {options.Faults}"));
        foreach (var site in server.Sites)
            Console.Out.WriteLine($"  {site.Retailer.Slug,-12} {site.BaseUri}  ({site.Layout.Markup}, {site.Layout.Listing}, " +
                                  $"{server.Catalog.Listed(site.Retailer).Count} products)");
        Console.Out.WriteLine($"  switches: POST {server.Sites[0].Url("/_forge/change?kind=price&fraction=0.05")} · catalog: {server.Sites[0].Url("/_forge/catalog.jsonl")}");
        var first = server.Sites[0];
        Console.Out.WriteLine($"  e.g. pursearch source add {first.Retailer.Slug} --retailer {first.Retailer.Slug} --url {first.BaseUri} --rate 20 --allow-private");
        Console.Out.WriteLine("  Ctrl+C stops the shops.");
    }
}
