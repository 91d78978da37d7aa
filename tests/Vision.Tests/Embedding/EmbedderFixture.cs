using Pursearch.Vision.Embedding;

namespace Pursearch.Vision.Tests.Embedding;

/// <summary>One embedder for the whole test run, single-threaded as the machine is shared.</summary>
public sealed class EmbedderFixture : IDisposable
{
    public static readonly InferenceOptions SingleThreaded = new() { IntraOpThreads = 1, InterOpThreads = 1 };

    public ImageEmbedder Embedder { get; } = ImageEmbedder.Create(new EmbedderOptions { Inference = SingleThreaded });

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class EmbedderCollection : ICollectionFixture<EmbedderFixture>
{
    public const string Name = "embedder";
}
