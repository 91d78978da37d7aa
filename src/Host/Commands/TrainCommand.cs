using System.CommandLine;
using System.Globalization;
using Pursearch.Host.Cli;
using Pursearch.Host.Node;
using Pursearch.Indexer.Training;
using Pursearch.Indexer.Training.Crop;
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
        var cropSide = new Option<int>("--crop-side")
        {
            Description = "Backbone input side of the crop pass (a multiple of 32; 672 gives a 21×21 map, 448 a 14×14 one " +
                          "at 0.44× the compute and lower accuracy on small bags).",
            DefaultValueFactory = _ => new CropTrainingOptions().InputSide,
            Validators =
            {
                result =>
                {
                    if (result.GetValueOrDefault<int>() is var side && (side < 224 || side > 1344 || side % 32 != 0))
                        result.AddError("--crop-side must be a multiple of 32 between 224 and 1344");
                },
            },
        };
        var command = new Command("train", "Train the crop and identification heads and register them as a model version.")
        {
            data, store, set, threads, cropSide,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var folder = new DataDirectory(parse.GetValue(data)!);
            var options = new TrainingOptions { Crop = new CropTrainingOptions { InputSide = parse.GetValue(cropSide) } };
            var published = await RunAsync(folder, parse.GetValue(store), parse.GetValue(set), parse.GetValue(threads), options,
                cancel);
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
        TrainingOptions options, CancellationToken cancel)
    {
        try
        {
            await using var store = await StoreFactory.OpenAsync(data.Store(storeUri), new StoreOptions(data.Root), cancel: cancel);
            PublishedModel? published = null;
            await new StageProgressView().RunAsync(async progress =>
            {
                var set = setPath ?? await ForgeSets.EnsureDefaultAsync(data, progress, cancel);
                published = await HeadTraining.RunAsync(data, store, set, threads, options, progress, cancel);
            });
            return published!;
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
