using System.Text.Json;
using Pursearch.E2E.Harness;

namespace Pursearch.E2E;

/// <summary><c>pursearch train</c> and <c>pursearch eval</c> as a user runs them, on a copy of the prepared demo world
/// (whose live model is the shipped one).</summary>
public sealed class TrainAndEvalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static readonly string[] Figures =
    [
        "identificationTop1", "identificationTop3", "styleInTop3", "styleInTop3NoCrop", "cropIoU", "cropDetectionRate",
        "cropFalsePositiveRate", "centerBoxIoU", "baselineColorTop1",
    ];

    [Fact]
    public async Task Train_registers_the_next_model_and_eval_prints_every_figure_of_it()
    {
        var repo = RepositoryLayout.FromTestAssembly();
        var data = DemoDataCache.CopyOf(await new DemoDataCache(repo).EnsurePreparedAsync());
        try
        {
            var trained = await ChildProcess.RunHostAsync(repo, Timeout, "train", "--data", data, "--crop-side", "448");
            Assert.Contains("registered model m2", trained);

            var report = CommandOutput.Json(await ChildProcess.RunHostAsync(repo, Timeout, "eval", "--data", data, "--model", "m2", "--json"));

            Assert.Equal("m2", report.GetProperty("modelVersion").GetString());
            Assert.All(Figures, name => Assert.InRange(report.GetProperty(name).GetDouble(), 0, 1));
            Assert.Equal(40, report.GetProperty("heldOut").GetInt32());
            Assert.Equal("forge-1.0", report.GetProperty("forgeVersion").GetString());
            Assert.Equal(7, report.GetProperty("seed").GetInt32());
            // Even a model trained on 120 street photos must find most bags and beat the centred-box baseline.
            Assert.True(report.GetProperty("cropIoU").GetDouble() > report.GetProperty("centerBoxIoU").GetDouble());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Eval_without_a_store_says_what_to_run_in_one_line()
    {
        var repo = RepositoryLayout.FromTestAssembly();
        var empty = Path.Combine(Path.GetTempPath(), $"pursearch-e2e-empty-{Guid.NewGuid():N}");

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ChildProcess.RunHostAsync(repo, Timeout, "eval", "--data", empty));

        Assert.Contains("exited 1", failed.Message);
        Assert.Contains("run 'pursearch train' first", failed.Message);
        Assert.DoesNotContain("   at ", failed.Message);
    }
}
