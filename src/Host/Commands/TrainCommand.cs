using System.CommandLine;
using System.Globalization;
using Pursearch.Host.Cli;
using Pursearch.Indexer.Training;
using Pursearch.Indexer.Training.Evaluation;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Storage;
using Pursearch.Storage.Contracts;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch train</c>: trains the crop and identification heads on a labelled set, evaluates them on its
/// held-out split, and registers them as the next model version (promoted when it is the first or beats the live one).</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = DataDirectory.Option();
        var store = DataDirectory.StoreOption();
        var set = new Option<string?>("--set")
        {
            Description = "Labelled set: a Forge folder (labelled/train, labelled/heldout, catalog.jsonl) or an ImageFolder " +
                          "of brand/style/*.jpg (+ sidecar boxes) and _none/*.jpg. Default: the Forge world in {data}/forge, " +
                          "generated when absent.",
        };
        var threads = ThreadsOption();
        var command = new Command("train", "Train the crop and identification heads and register them as a model version.")
        {
            data, store, set, threads,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var folder = new DataDirectory(parse.GetValue(data)!);
            var published = await RunAsync(folder, parse.GetValue(store), parse.GetValue(set), parse.GetValue(threads), cancel);
            Console.Out.Write(Describe(published));
            return 0;
        });
        return command;
    }

    public static Option<int> ThreadsOption() => new("--threads")
    {
        Description = "ONNX Runtime threads for the backbone (the machine is shared: default 2).",
        DefaultValueFactory = _ => 2,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                    result.AddError("--threads must be at least 1");
            },
        },
    };

    private static async Task<PublishedModel> RunAsync(DataDirectory data, string? storeUri, string? setPath, int threads,
        CancellationToken cancel)
    {
        TrainedHeads? trained = null;
        HeldOutResult? heldOut = null;
        try
        {
            await new StageProgressView().RunAsync(async progress =>
            {
                var layout = TrainingSetLayout.Locate(setPath ?? await ForgeSets.EnsureDefaultAsync(data, progress, cancel));
                using var resources = TrainingResources.Open(data, threads);
                trained = await Task.Run(() => HeadTrainer.Train(layout, resources.Features, new TrainingOptions(), progress, cancel),
                    cancel);
                if (layout.HeldOutDirectory is { } heldOutDirectory)
                {
                    var set = EvaluationSet.Load(heldOutDirectory, layout.CatalogPath, trained.Manifest);
                    heldOut = await Task.Run(() => HeldOutEvaluator.Evaluate(trained.Heads, set, resources.Features,
                        resources.Colours, progress, cancel), cancel);
                }
            });
            var metrics = new Dictionary<string, double>(trained!.Metrics, StringComparer.Ordinal);
            foreach (var (name, value) in heldOut?.ToMetrics() ?? [])
                metrics[name] = value;
            await using var store = await StoreFactory.OpenAsync(data.Store(storeUri), new StoreOptions(data.Root), cancel: cancel);
            return await new ModelPublisher(store, data.Root).PublishAsync(trained, Vision.Embedding.VisionSpaces.ResNet18Squash224,
                metrics, DateTimeOffset.UtcNow, cancel);
        }
        catch (Exception e) when (e is TrainingSetException or StoreException or InvalidDataException)
        {
            throw new CliException(e.Message);
        }
    }

    private static string Describe(PublishedModel published)
    {
        var model = published.Model;
        var lines = new List<string>
        {
            $"train: registered model {model.Id} over {model.EmbeddingSpaceId}, weights in {published.Directory}",
            published.Promoted ? $"  promoted live: {published.PromotionReason}" : $"  not promoted: {published.PromotionReason}",
        };
        lines.AddRange(model.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"  {m.Key,-34} {m.Value:0.0000}")));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
