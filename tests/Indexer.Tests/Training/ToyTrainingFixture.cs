using Pursearch.Indexer.Training;
using Pursearch.Indexer.Training.Crop;
using Pursearch.Indexer.Training.Evaluation;
using Pursearch.Indexer.Training.Features;
using Pursearch.Indexer.Training.Identification;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Tests.Training;

/// <summary>Trains both heads once on the toy set (single-threaded backbone, features cached in the scratch folder) and
/// evaluates them on its held-out split; the tests then look at the results.</summary>
public sealed class ToyTrainingFixture : IDisposable
{
    public ToyTrainingFixture()
    {
        ToySet.Write(Scratch.Combine("set"), trainPerClass: 9, heldOutPerClass: 3, negativesPerSplit: 4);
        Layout = TrainingSetLayout.Locate(Scratch.Combine("set"));
        Embedder = ImageEmbedder.Create(new EmbedderOptions
        {
            Inference = new InferenceOptions { IntraOpThreads = 1, InterOpThreads = 1, PreferCuda = false },
            MaxBatch = 8,
        });
        Features = PhotoFeatures.Open(Embedder, Decoder, Scratch.Combine("cache"), batchSize: 8);
        Options = new TrainingOptions
        {
            ValidationFraction = 0.25,
            // The toy bags are large: a 14×14 map finds them, at less than half the compute of the default 21×21.
            Crop = new CropTrainingOptions { InputSide = 448 },
            Identification = new IdentificationTrainingOptions { JitteredCropsPerBag = 1, RegionsPerNegative = 1 },
        };
        Trained = HeadTrainer.Train(Layout, Features, Options);
        Set = EvaluationSet.Load(Layout.HeldOutDirectory!, Layout.CatalogPath, Trained.Manifest);
        using var colours = ColourFeatures.InMemory(Decoder);
        HeldOut = HeldOutEvaluator.Evaluate(Trained.Heads, Set, Features, colours);
    }

    public ScratchFolder Scratch { get; } = new();
    public ImageDecoder Decoder { get; } = new();
    public TrainingSetLayout Layout { get; }
    public ImageEmbedder Embedder { get; }
    public PhotoFeatures Features { get; }
    public TrainingOptions Options { get; }
    public TrainedHeads Trained { get; }
    public EvaluationSet Set { get; }
    public HeldOutResult HeldOut { get; }

    public void Dispose()
    {
        Features.Dispose();
        Embedder.Dispose();
        Scratch.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ToyTrainingCollection : ICollectionFixture<ToyTrainingFixture>
{
    public const string Name = "toy training";
}
