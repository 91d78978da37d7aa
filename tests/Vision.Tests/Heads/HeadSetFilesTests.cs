using Pursearch.Vision.Heads;

namespace Pursearch.Vision.Tests.Heads;

public sealed class HeadSetFilesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"pursearch-heads-{Guid.NewGuid():N}");

    [Fact]
    public void A_saved_head_set_loads_back_identically()
    {
        var heads = Sample();

        HeadSetFiles.Save(heads, _directory);
        var loaded = HeadSetFiles.Load(_directory);

        Assert.Equal("resnet18-sq224-v1", loaded.EmbeddingSpaceId);
        Assert.Equal(heads.Identification!.Classes, loaded.Identification!.Classes);
        Assert.Equal(heads.Identification.Weights.ToArray(), loaded.Identification.Weights.ToArray());
        Assert.Equal(heads.Identification.Biases.ToArray(), loaded.Identification.Biases.ToArray());
        Assert.Equal(heads.Crop!.Weights, loaded.Crop!.Weights);
        Assert.Equal((heads.Crop.Bias, heads.Crop.Normalization, heads.Crop.Rule, heads.Crop.InputSide),
            (loaded.Crop.Bias, loaded.Crop.Normalization, loaded.Crop.Rule, loaded.Crop.InputSide));
        Assert.Contains("\"formatVersion\": 1", File.ReadAllText(Path.Combine(_directory, HeadSetFiles.ManifestName)));
    }

    [Fact]
    public void Heads_are_optional()
    {
        HeadSetFiles.Save(new HeadSet("resnet18-sq224-v1", null, null), _directory);

        var loaded = HeadSetFiles.Load(_directory);

        Assert.Null(loaded.Identification);
        Assert.Null(loaded.Crop);
    }

    [Fact]
    public void A_tampered_weights_file_is_refused()
    {
        HeadSetFiles.Save(Sample(), _directory);
        var blob = Path.Combine(_directory, "crop.f32");
        var bytes = File.ReadAllBytes(blob);
        bytes[7] ^= 0x40;
        File.WriteAllBytes(blob, bytes);

        var error = Assert.Throws<InvalidDataException>(() => HeadSetFiles.Load(_directory));

        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void An_unknown_format_version_is_refused()
    {
        HeadSetFiles.Save(Sample(), _directory);
        var manifest = Path.Combine(_directory, HeadSetFiles.ManifestName);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"formatVersion\": 1", "\"formatVersion\": 99"));

        Assert.Contains("v99", Assert.Throws<InvalidDataException>(() => HeadSetFiles.Load(_directory)).Message);
    }

    [Fact]
    public void A_missing_folder_is_a_clear_error() =>
        Assert.Throws<FileNotFoundException>(() => HeadSetFiles.Load(_directory));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private static HeadSet Sample()
    {
        var random = new Random(5);
        var classes = IdentificationHeadTests.Classes;
        var identification = new IdentificationHead(classes, 512,
            [.. Enumerable.Range(0, classes.Length * 512).Select(_ => (float)random.NextDouble() - 0.5f)],
            [.. Enumerable.Range(0, classes.Length).Select(_ => (float)random.NextDouble())]);
        var crop = new CropHead([.. Enumerable.Range(0, 512).Select(_ => (float)random.NextDouble())], -1.25f,
            CellNormalization.L2, new BoxRule(0.4, 0.15, 2));
        return new HeadSet("resnet18-sq224-v1", identification, crop);
    }
}
