using System.Globalization;
using Pursearch.Core.Versions;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.Training;

/// <summary>
/// Registers trained heads as the next model version (<c>m1</c>, <c>m2</c>, ...): weights and <c>training.json</c> under
/// <c>{data}/models/{id}/</c>, the embedding space and the version with its metrics in the store, then promotion by
/// <see cref="PromotionPolicy"/>.
/// </summary>
public sealed class ModelPublisher(IStore store, string dataDirectory)
{
    private const int Attempts = 5;

    public async Task<PublishedModel> PublishAsync(TrainedHeads trained, EmbeddingSpace space,
        IReadOnlyDictionary<string, double> metrics, DateTimeOffset createdAt, CancellationToken cancel = default)
    {
        if (trained.Heads.EmbeddingSpaceId != space.Id)
            throw new ArgumentException($"heads are over {trained.Heads.EmbeddingSpaceId}, not {space.Id}", nameof(space));
        await store.Spaces.RegisterAsync(space, cancel);
        for (var attempt = 1; ; attempt++)
        {
            var id = NextId(await store.Models.ListAsync(cancel));
            var folder = Path.GetFullPath(Path.Combine(dataDirectory, ModelFolder.RelativePath(id)));
            // A folder without a registered version is what a crashed run left behind.
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            Vision.Heads.HeadSetFiles.Save(trained.Heads, folder);
            trained.Manifest.Save(folder);
            var model = new ModelVersion(id, space.Id, ModelFolder.RelativePath(id), createdAt, metrics);
            try
            {
                await store.Models.RegisterAsync(model, cancel);
            }
            catch (StoreConflictException) when (attempt < Attempts)
            {
                continue;   // another run took the id meanwhile
            }
            var live = await store.Models.GetLiveAsync(cancel);
            var (promote, reason) = PromotionPolicy.Decide(model, live);
            if (promote)
                await store.Models.PromoteAsync(model.Id, cancel);
            return new PublishedModel(model, folder, promote, reason);
        }
    }

    /// <summary><c>m{n+1}</c> where n is the highest number among ids of the form <c>m{n}</c> (0 when there are none).</summary>
    public static string NextId(IEnumerable<ModelVersion> existing)
    {
        var highest = existing
            .Select(m => m.Id.Length > 1 && m.Id[0] == 'm' &&
                         int.TryParse(m.Id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return $"m{highest + 1}";
    }
}
