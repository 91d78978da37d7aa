using Akka.Actor;
using Pursearch.Indexer.Embedding;
using Pursearch.Vision.Embedding;

namespace Pursearch.Indexer.Tests.Embedding;

/// <summary>One real embedder (one ONNX Runtime thread, as the machine is shared) and one local actor system for all
/// embedding tests.</summary>
public sealed class EmbeddingFixture : IAsyncLifetime
{
    public ImageEmbedder Embedder { get; } = ImageEmbedder.Create(new EmbedderOptions
    {
        Inference = new InferenceOptions { PreferCuda = false, IntraOpThreads = 1, InterOpThreads = 1 },
    });

    public ActorSystem System { get; } = LocalActorSystem.Create("indexer-tests");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await System.Terminate();
        Embedder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddingCollection : ICollectionFixture<EmbeddingFixture>
{
    public const string Name = "embedding";
}
