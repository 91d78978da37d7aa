using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pursearch.Core.Versions;
using Pursearch.Host.Cli;
using Pursearch.Indexer.Training;
using Pursearch.Indexer.Training.Evaluation;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Storage;
using Pursearch.Storage.Contracts;
using Spectre.Console;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch eval</c>: scores the data dir's live model (or <c>--model</c>) on held-out street photos — the
/// trained set's held-out split, or with <c>--seed N</c> a fresh held-out set of that seed's world — against the data
/// dir's catalog and two baselines.</summary>
public static class EvalCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var data = DataDirectory.Option();
        var store = DataDirectory.StoreOption();
        var seed = new Option<int?>("--seed")
        {
            Description = "Evaluate on a fresh held-out set (600 street photos, 150 negatives) of this Forge seed's world, " +
                          "generated under {data}/cache/heldout. Default: the held-out split of the set the model was trained on.",
        };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var model = new Option<string?>("--model") { Description = "Model version to evaluate (default: the live one)." };
        var threads = TrainCommand.ThreadsOption();
        var command = new Command("eval", "Evaluate a model on held-out street photos: identification, retrieval, crop, baselines.")
        {
            data, store, seed, json, model, threads,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var folder = new DataDirectory(parse.GetValue(data)!);
            var report = await RunAsync(folder, parse.GetValue(store), parse.GetValue(model), parse.GetValue(seed),
                parse.GetValue(threads), cancel);
            if (parse.GetValue(json))
                Console.Out.WriteLine(JsonSerializer.Serialize(report, Json));
            else
                Print(report);
            return 0;
        });
        return command;
    }

    private static async Task<EvaluationReport> RunAsync(DataDirectory data, string? storeUri, string? modelId, int? seed,
        int threads, CancellationToken cancel)
    {
        try
        {
            var model = await FindModelAsync(data, storeUri, modelId, cancel);
            var (heads, manifest) = ModelFolder.Load(data.Root, model);
            EvaluationReport? report = null;
            await new StageProgressView().RunAsync(async progress =>
            {
                var heldOutRoot = seed is { } s
                    ? await ForgeSets.EnsureHeldOutAsync(data, s, progress, cancel)
                    : RootOf(manifest.HeldOutDirectory ?? throw new CliException(
                        $"model {model.Id} was trained on a set without a held-out split: pass --seed N"));
                var heldOut = Path.Combine(heldOutRoot, "labelled", "heldout");
                var set = EvaluationSet.Load(heldOut, CatalogOf(data, manifest), manifest);
                using var resources = TrainingResources.Open(data, threads);
                var result = await Task.Run(() => HeldOutEvaluator.Evaluate(heads, set, resources.Features, resources.Colours,
                    progress, cancel), cancel);
                var origin = SetManifest.Read(Path.Combine(heldOutRoot, TrainingSetLayout.ManifestFile));
                report = EvaluationReport.From(model.Id, result, origin?.ForgeVersion, origin?.Seed);
            });
            return report!;
        }
        catch (Exception e) when (e is TrainingSetException or StoreException or InvalidDataException or FileNotFoundException)
        {
            throw new CliException(e.Message);
        }
    }

    private static async Task<ModelVersion> FindModelAsync(DataDirectory data, string? storeUri, string? modelId,
        CancellationToken cancel)
    {
        var uri = data.Store(storeUri);
        await using var store = await OpenAsync(uri, data, cancel);
        if (modelId is not null)
            return await store.Models.GetAsync(modelId, cancel)
                ?? throw new CliException($"no model version '{modelId}' in {uri}");
        return await store.Models.GetLiveAsync(cancel)
            ?? throw new CliException($"no live model in {uri}: run 'pursearch train' first");
    }

    private static async Task<IStore> OpenAsync(StoreUri uri, DataDirectory data, CancellationToken cancel)
    {
        try
        {
            return await StoreFactory.OpenAsync(uri, new StoreOptions(data.Root), createIfMissing: false, cancel);
        }
        catch (StoreNotFoundException e) when (e.What == "store")
        {
            throw new CliException($"no store at {e.Key}: run 'pursearch train' first (see --data and --store)");
        }
    }

    // {set}/labelled/heldout → {set}
    private static string RootOf(string heldOutDirectory) =>
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(heldOutDirectory))!)!;

    // The products a search would return: the data dir's catalog, else the one the model was trained beside.
    private static string? CatalogOf(DataDirectory data, TrainingManifest manifest)
    {
        var local = Path.Combine(data.Forge, TrainingSetLayout.CatalogFile);
        return File.Exists(local) ? local : manifest.CatalogPath is { } path && File.Exists(path) ? path : null;
    }

    private static void Print(EvaluationReport r)
    {
        var table = new Table().AddColumns("figure", "value", "goal");
        void Row(string name, double? value, string goal) =>
            table.AddRow(name, value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a", goal);
        Row("identificationTop1", r.IdentificationTop1, ">= 0.80");
        Row("identificationTop3", r.IdentificationTop3, "");
        Row("styleInTop3", r.StyleInTop3, ">= 0.80 and > styleInTop3NoCrop");
        Row("styleInTop3NoCrop", r.StyleInTop3NoCrop, "");
        Row("styleInTop3CosineOnly", r.StyleInTop3CosineOnly, "crop on, cosine alone (no re-ranking)");
        Row("cropIoU", r.CropIoU, $">= 0.60 and >= centerBoxIoU + 0.20 ({r.CenterBoxIoU + 0.2:0.000})");
        Row("cropDetectionRate", r.CropDetectionRate, ">= 0.80");
        Row("cropFalsePositiveRate", r.CropFalsePositiveRate, "<= 0.10");
        Row("centerBoxIoU", r.CenterBoxIoU, "baseline");
        Row("baselineColorTop1", r.BaselineColorTop1, "<= 0.40 (baseline)");
        Row("cropIoUSmall", r.CropIoUSmall, $"bags under {HeldOutEvaluator.SmallBagArea:0%} of the frame ({r.SmallBags})");
        Row("notHandbagRate", r.NotHandbagRate, "on negatives");
        var console = AnsiConsole.Console;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eval: model {r.ModelVersion} on {r.HeldOut} held-out street photos and {r.Negatives} negatives " +
            $"({r.ForgeVersion ?? "not a Forge set"}{(r.Seed is { } s ? $", seed {s}" : "")}), {r.CatalogProducts} catalog products"));
        console.Write(table);
        if (r.Confusions.Count == 0)
            return;
        var confusions = new Table().AddColumns("true class", "identified as", "photos");
        foreach (var c in r.Confusions)
            confusions.AddRow(c.Truth, c.Predicted, c.Count.ToString(CultureInfo.InvariantCulture));
        console.WriteLine("most frequent confusions:");
        console.Write(confusions);
    }
}
