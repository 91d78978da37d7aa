using Pursearch.Host.Cli;
using Pursearch.Indexer.Training.Evaluation;
using Pursearch.Indexer.Training.Features;
using Pursearch.Vision.Embedding;
using Pursearch.Vision.Imaging;

namespace Pursearch.Host.Commands;

/// <summary>The backbone session and the feature caches (under <c>{data}/cache</c>) that train and eval share.</summary>
public sealed class TrainingResources : IDisposable
{
    private TrainingResources(ImageEmbedder embedder, PhotoFeatures features, ColourFeatures colours)
    {
        Embedder = embedder;
        Features = features;
        Colours = colours;
    }

    public ImageEmbedder Embedder { get; }
    public PhotoFeatures Features { get; }
    public ColourFeatures Colours { get; }

    public static TrainingResources Open(DataDirectory data, int threads)
    {
        var embedder = ImageEmbedder.Create(new EmbedderOptions
        {
            Inference = new InferenceOptions { IntraOpThreads = threads, InterOpThreads = 1 },
            MaxBatch = 16,
        });
        var decoder = new ImageDecoder();
        return new TrainingResources(embedder, PhotoFeatures.Open(embedder, decoder, data.Cache),
            ColourFeatures.Open(decoder, data.Cache));
    }

    public void Dispose()
    {
        Features.Dispose();
        Colours.Dispose();
        Embedder.Dispose();
    }
}
