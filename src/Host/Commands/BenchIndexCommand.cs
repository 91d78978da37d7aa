using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pursearch.Bench.Index;
using Pursearch.Host.Cli;
using Pursearch.Index.Native;
using Spectre.Console;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch bench index</c>: one index shard against raw USearch, build, queries, filters, deletes.</summary>
public static class BenchIndexCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var vectors = new Option<int>("--vectors") { Description = "Vectors in the shard", DefaultValueFactory = _ => 100_000 };
        var dims = new Option<int>("--dims") { Description = "Dimensions per vector", DefaultValueFactory = _ => 512 };
        var queries = new Option<int>("--queries") { Description = "Queries per measurement", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic catalog", DefaultValueFactory = _ => 1 };
        var precision = new Option<string>("--precision") { Description = "Stored vectors: f32 or f16", DefaultValueFactory = _ => "f32" };
        var passes = new Option<int>("--passes") { Description = "Timed passes over the queries (each query's fastest run counts)", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("index",
            "A shard (HNSW + filter planner + exact scan) vs raw USearch: build, queries, filtered recall, deletes, bytes per vector.")
        {
            vectors, dims, queries, seed, precision, passes, json,
        };
        command.SetAction(parse =>
        {
            var options = new IndexBenchmarkOptions
            {
                Vectors = AtLeast(parse.GetValue(vectors), 1000, "--vectors"),
                Dimensions = AtLeast(parse.GetValue(dims), 8, "--dims"),
                Queries = AtLeast(parse.GetValue(queries), 10, "--queries"),
                Seed = parse.GetValue(seed),
                Precision = PrecisionOf(parse.GetValue(precision)),
                Passes = AtLeast(parse.GetValue(passes), 1, "--passes"),
            };
            var asJson = parse.GetValue(json);
            var result = IndexBenchmark.Run(options, message => Console.Error.WriteLine($"  {message}"));
            if (asJson)
                Console.WriteLine(JsonSerializer.Serialize(result, Json));
            else
                Print(result);
            return 0;
        });
        return command;
    }

    private static int AtLeast(int value, int minimum, string name) =>
        value >= minimum ? value : throw new CliException($"{name} must be at least {minimum}", CliApp.UsageError);

    private static VectorPrecision PrecisionOf(string? value) => value?.ToLowerInvariant() switch
    {
        "f32" => VectorPrecision.F32,
        "f16" => VectorPrecision.F16,
        _ => throw new CliException($"--precision must be f32 or f16, not '{value}'", CliApp.UsageError),
    };

    private static void Print(IndexBenchmarkResult r)
    {
        var console = AnsiConsole.Console;
        // Redirected output defaults to 80 columns, which wraps every table.
        console.Profile.Width = Math.Max(console.Profile.Width, 160);
        console.Write(Text($"index: {r.Vectors} x {r.Dimensions} {r.Precision}, {r.Queries} queries, default ef {r.DefaultExpansion}, {r.Threads} build threads, usearch {r.UsearchVersion}"));
        console.Write(Summary(r));
        console.Write(Unfiltered(r));
        console.Write(Filtered(r));
        console.Write(Checks(r));
    }

    private static Table Summary(IndexBenchmarkResult r)
    {
        var table = new Table().Title("shard vs raw USearch").AddColumns("measure", "shard", "raw", "ratio");
        table.AddRow("build vectors/s", N(r.Build.ShardVectorsPerSecond), N(r.Build.RawVectorsPerSecond), X(r.BuildRatio));
        table.AddRow($"build vectors/s, 1 thread ({r.Build.SameThreadsVectors})", N(r.Build.ShardOneThreadVectorsPerSecond),
            N(r.Build.RawSameThreadsVectorsPerSecond), X(r.Build.SameThreadsRatio));
        table.AddRow($"queries/s at ef {r.DefaultExpansion}", N(r.Unfiltered.First(u => u.Ef == r.DefaultExpansion).Qps),
            N(r.Unfiltered.First(u => u.Ef == r.DefaultExpansion).RawQps), X(r.QueryRatio));
        table.AddRow($"recall@10 at ef {r.DefaultExpansion}", F(r.RecallAt10), "", "");
        table.AddRow("recall@10 after deleting 20 %", F(r.AfterDeletes.RecallAt10), "", $"{r.AfterDeletes.DeletedReturned} deleted returned");
        table.AddRow("bytes/vector (native + columns + listing)", N(r.BytesPerVector),
            N(r.Memory.NativeBytesPerVector), $"snapshot {N(r.Memory.SnapshotBytesPerVector)}");
        table.AddRow("snapshot save / load / view", $"{r.Snapshot.SaveSeconds:0.00} s / {r.Snapshot.LoadSeconds:0.00} s / {r.Snapshot.ViewMilliseconds:0.0} ms",
            "", r.Snapshot.IdenticalAnswers ? "identical answers" : "ANSWERS DIFFER");
        return table;
    }

    private static Table Unfiltered(IndexBenchmarkResult r)
    {
        var table = new Table().Title("unfiltered k=10: shard and raw USearch on the same snapshot file")
            .AddColumns("ef", "recall@10", "queries/s", "raw recall@10", "raw queries/s", "ratio", "raw-built graph recall@10", "shard as built, queries/s");
        foreach (var u in r.Unfiltered)
            table.AddRow(u.Ef.ToString(CultureInfo.InvariantCulture), F(u.RecallAt10), N(u.Qps), F(u.RawRecallAt10), N(u.RawQps),
                X(u.QueryRatio), F(u.RawOwnGraphRecallAt10), N(u.BuiltShardQps));
        return table;
    }

    private static Table Filtered(IndexBenchmarkResult r)
    {
        var table = new Table().Title("filtered k=10: the planner's choice, each plan forced, and raw search of 256 post-filtered")
            .AddColumns("filter", "share", "estimate", "plan", "ef", "recall@10", "queries/s", "hnsw recall", "hnsw q/s", "exact q/s", "post-filter recall");
        foreach (var f in r.Filtered.Append(r.Adversarial))
            table.AddRow(f.Name, $"{f.Selectivity:P2}", N(f.EstimatedMatches), f.Plan, f.Expansion.ToString(CultureInfo.InvariantCulture),
                F(f.RecallAt10), N(f.Qps), F(f.HnswRecallAt10), N(f.HnswQps), N(f.ExactQps), F(f.RawPostFilterRecallAt10));
        return table;
    }

    private static Table Checks(IndexBenchmarkResult r)
    {
        var table = new Table().Title("targets").AddColumns("target", "result", "measured");
        foreach (var check in r.Checks)
            table.AddRow(Markup.Escape(check.Name), check.Pass ? "[green]met[/]" : "[red]NOT met[/]", Markup.Escape(check.Detail));
        return table;
    }

    private static Text Text(string value) => new(value + Environment.NewLine);

    private static string N(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string X(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "x";
}
