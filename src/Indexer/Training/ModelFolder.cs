using Pursearch.Core.Versions;
using Pursearch.Vision.Heads;

namespace Pursearch.Indexer.Training;

/// <summary>Where a model version's files live under the data dir (<c>models/{id}/</c>) and how to read them back.</summary>
public static class ModelFolder
{
    public const string Root = "models";

    public static string RelativePath(string modelId) => $"{Root}/{modelId}";

    public static string PathOf(string dataDirectory, ModelVersion model) =>
        Path.GetFullPath(Path.Combine(dataDirectory, model.WeightsPath));

    public static (HeadSet Heads, TrainingManifest Manifest) Load(string dataDirectory, ModelVersion model)
    {
        var folder = PathOf(dataDirectory, model);
        var heads = HeadSetFiles.Load(folder);
        if (heads.EmbeddingSpaceId != model.EmbeddingSpaceId)
            throw new InvalidDataException(
                $"model {model.Id} is registered over {model.EmbeddingSpaceId} but its heads in {folder} are over {heads.EmbeddingSpaceId}");
        return (heads, TrainingManifest.Load(folder));
    }
}
