using System.CommandLine;
using Pursearch.Host.Cli;
using Pursearch.Storage;
using Pursearch.Storage.Contracts;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch store ...</c>: look inside the store (DESIGN §5 store URIs).</summary>
public static class StoreCommand
{
    public static Command Create()
    {
        var store = new Command("store", "Inspect the catalog store.");
        store.Subcommands.Add(Info());
        return store;
    }

    private static Command Info()
    {
        var data = new Option<string>("--data")
        {
            Description = "The data dir (images live under it; the default store is {data}/catalog.db).",
            DefaultValueFactory = _ => "./data",
        };
        var storeUri = new Option<string?>("--store")
        {
            Description = "Store URI: sqlite:PATH (default sqlite:{data}/catalog.db) or mongodb://...",
        };
        var info = new Command("info", "Print the schema version, counts and the current change sequence.") { data, storeUri };
        info.SetAction(async (parse, cancel) =>
        {
            var overview = await DescribeAsync(parse.GetValue(data)!, parse.GetValue(storeUri), cancel);
            Console.Out.Write(Format(overview));
            return 0;
        });
        return info;
    }

    private static async Task<StoreOverview> DescribeAsync(string dataDirectory, string? storeUri, CancellationToken cancel)
    {
        try
        {
            var uri = StoreUri.Parse(storeUri, dataDirectory);
            await using var store = await StoreFactory.OpenAsync(uri, new StoreOptions(dataDirectory),
                createIfMissing: false, cancel);
            return await store.DescribeAsync(cancel);
        }
        catch (StoreNotFoundException e) when (e.What == "store")
        {
            throw new CliException($"no store at {e.Key}: nothing has been stored there yet (see --data and --store)");
        }
        catch (StoreException e)
        {
            throw new CliException(e.Message);
        }
    }

    public static string Format(StoreOverview overview)
    {
        var embeddings = overview.EmbeddingsBySpace.Count == 0
            ? "none (no embedding space registered)"
            : string.Join(", ", overview.EmbeddingsBySpace.Select(e => $"{e.Key}: {e.Value}"));
        return string.Join(Environment.NewLine,
            Line("store", overview.Location),
            Line("schema", $"version {overview.SchemaVersion}"),
            Line("sequence", overview.ChangeSequence.ToString()),
            Line("products", $"{overview.Products} ({overview.AvailableProducts} available)"),
            Line("embeddings", embeddings),
            Line("generations", $"{overview.Generations} (live: {overview.LiveGeneration ?? "none"})"),
            Line("model versions", $"{overview.ModelVersions} (live: {overview.LiveModel ?? "none"})"),
            Line("images", overview.Images.ToString()),
            Line("scrape runs", overview.ScrapeRuns.ToString())) + Environment.NewLine;
    }

    private static string Line(string label, string value) => $"{label,-15}{value}";
}
