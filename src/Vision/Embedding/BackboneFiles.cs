namespace Pursearch.Vision.Embedding;

/// <summary>Where the ResNet-18 ONNX files are: copied to the output under <c>DnnImageModels/</c> by the
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 package's build props.</summary>
public sealed record BackboneFiles(string ModelPath, string PreprocessingPath)
{
    public const string DefaultFolder = "DnnImageModels";

    /// <summary>Finds both files under <paramref name="directory"/> (default: <c>DnnImageModels</c> beside the app).</summary>
    public static BackboneFiles Locate(string? directory = null)
    {
        var root = directory ?? Path.Combine(AppContext.BaseDirectory, DefaultFolder);
        var files = new BackboneFiles(Path.Combine(root, "ResNet18Onnx", "ResNet18.onnx"),
            Path.Combine(root, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
        foreach (var path in new[] { files.ModelPath, files.PreprocessingPath })
        {
            if (!File.Exists(path))
                throw new FileNotFoundException(
                    $"backbone file {path} is missing; reference the Microsoft.ML.DnnImageFeaturizer.ResNet18 package " +
                    "(its build props copy DnnImageModels/ to the output) or pass the folder explicitly", path);
        }
        return files;
    }
}
