using System.Text.Json;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Training;

/// <summary>
/// What a model version was trained from and how, saved as <c>training.json</c> beside its head weights: the sets, the
/// photo counts, the mean primary box (the centred-box baseline of the evaluation), the decode size of the crop path
/// and the settings the validation photos chose.
/// </summary>
public sealed record TrainingManifest
{
    public const string FileName = "training.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required string TrainDirectory { get; init; }
    public string? HeldOutDirectory { get; init; }
    public string? CatalogPath { get; init; }
    public string? ForgeVersion { get; init; }
    public int? Seed { get; init; }
    public int Photos { get; init; }
    public int ValidationPhotos { get; init; }
    public int Negatives { get; init; }
    public double MeanBoxWidth { get; init; }
    public double MeanBoxHeight { get; init; }
    public int CropInputSide { get; init; }
    public int CropDecodeMinSide { get; init; }
    public int CropBagCells { get; init; }
    public int CropBackgroundCells { get; init; }
    public float IdentificationL2 { get; init; }
    public int IdentificationExamples { get; init; }
    public bool ProductShotsUsed { get; init; }

    /// <summary>A box of the mean training size, centred: what a detector that learned only the size prior would say.</summary>
    public NormalizedBox CentredMeanBox() =>
        NormalizedBox.FromCorners(0.5 - MeanBoxWidth / 2, 0.5 - MeanBoxHeight / 2, 0.5 + MeanBoxWidth / 2, 0.5 + MeanBoxHeight / 2);

    public void Save(string modelDirectory) =>
        File.WriteAllText(Path.Combine(modelDirectory, FileName), JsonSerializer.Serialize(this, Json));

    public static TrainingManifest Load(string modelDirectory)
    {
        var path = Path.Combine(modelDirectory, FileName);
        if (!File.Exists(path))
            throw new TrainingSetException($"model folder '{modelDirectory}' has no {FileName}: it was not made by 'pursearch train'");
        try
        {
            return JsonSerializer.Deserialize<TrainingManifest>(File.ReadAllText(path), Json)
                ?? throw new TrainingSetException($"'{path}' is empty");
        }
        catch (JsonException e)
        {
            throw new TrainingSetException($"'{path}' is not valid: {e.Message}", e);
        }
    }
}
