using Pursearch.Host.Cli;
using Pursearch.Host.Commands;
using Pursearch.Indexer.Training;
using Pursearch.Indexer.Training.Evaluation;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Storage.Contracts;
using Pursearch.Vision.Embedding;

namespace Pursearch.Host.Node;

/// <summary>Trains both heads on a labelled set, evaluates them on its held-out split and publishes the model version
/// (promoted by the publisher's policy): what <c>pursearch train</c> does, for <c>up --demo</c> and the admin API.</summary>
public static class HeadTraining
{
    public static async Task<PublishedModel> RunAsync(DataDirectory data, IStore store, string setPath, int threads,
        TrainingOptions options, IProgress<TrainingProgress> progress, CancellationToken cancel)
    {
        var layout = TrainingSetLayout.Locate(setPath);
        using var resources = TrainingResources.Open(data, threads);
        var trained = await Task.Run(() => HeadTrainer.Train(layout, resources.Features, options, progress, cancel), cancel);
        var metrics = new Dictionary<string, double>(trained.Metrics, StringComparer.Ordinal);
        if (layout.HeldOutDirectory is { } heldOutDirectory)
        {
            var set = EvaluationSet.Load(heldOutDirectory, layout.CatalogPath, trained.Manifest);
            var heldOut = await Task.Run(() => HeldOutEvaluator.Evaluate(trained.Heads, set, resources.Features, resources.Colours,
                progress, cancel), cancel);
            foreach (var (name, value) in heldOut.ToMetrics())
                metrics[name] = value;
        }
        return await new ModelPublisher(store, data.Root).PublishAsync(trained, VisionSpaces.ResNet18Squash224, metrics,
            DateTimeOffset.UtcNow, cancel);
    }
}
