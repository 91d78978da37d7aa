using Pursearch.Forge.Tests.Output;

namespace Pursearch.Forge.Tests.Cli;

public class ForgeCommandTests
{
    [Theory]
    [InlineData("forge", "generate")]
    [InlineData("forge", "generate", "{dir}", "--products", "-1")]
    [InlineData("forge", "generate", "{dir}", "--street", "-5")]
    [InlineData("forge", "generate", "{dir}", "--seed", "seven")]
    [InlineData("forge", "generate", "{dir}", "--products", "1e3")]
    [InlineData("forge", "generate", "{file}")]
    [InlineData("forge", "sheet", "{missing}/sheet.png")]
    public void BadArgumentsPrintOneLineAndExitNonZero(params string[] args)
    {
        using var dir = new TempFolder();
        var file = Path.Combine(dir.Path, "a-file");
        File.WriteAllText(file, "not a folder");
        var expanded = args.Select(a => a.Replace("{dir}", Path.Combine(dir.Path, "out"))
            .Replace("{file}", file).Replace("{missing}", Path.Combine(dir.Path, "no", "such"))).ToArray();

        var result = HostProcess.Run(expanded);

        Assert.NotEqual(0, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("pursearch: ", lines[0]);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void GenerateWritesTheWorldAndSummarisesIt()
    {
        using var dir = new TempFolder();
        var result = HostProcess.Run("forge", "generate", dir.Path, "--seed", "3", "--products", "4", "--street", "2",
            "--train-street", "2", "--negatives", "2");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("wrote 10 images", result.Stdout);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(dir.Path, "catalog.jsonl")).Length);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(dir.Path, "labelled"), "*.json", SearchOption.AllDirectories).Length);
    }
}
