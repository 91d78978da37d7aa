using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pursearch.Bench.Ingest;
using Pursearch.Host.Cli;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch bench ingest</c>: products/s of the embedding pipeline against the raw embedder on the same images.</summary>
public static class BenchIngestCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var images = new Option<int>("--images") { Description = "Images (products) per round", DefaultValueFactory = _ => 128 };
        var batch = new Option<int>("--batch") { Description = "Images per network run, for every contender", DefaultValueFactory = _ => 16 };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads (0 = its default)" };
        var decode = new Option<int>("--decode-parallelism") { Description = "Images the pipeline decodes at once", DefaultValueFactory = _ => 2 };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds per contender", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("ingest",
            "Products/s of the embedding pipeline (store -> decode -> batch -> embed -> store -> sink) vs the raw embedder on the same images.")
        {
            images, batch, threads, decode, rounds, json,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var options = new IngestBenchmarkOptions
            {
                Images = Positive(parse.GetValue(images), "--images"),
                Batch = Positive(parse.GetValue(batch), "--batch"),
                Threads = parse.GetValue(threads) >= 0 ? parse.GetValue(threads)
                    : throw new CliException("--threads must be 0 or more", CliApp.UsageError),
                DecodeParallelism = Positive(parse.GetValue(decode), "--decode-parallelism"),
                Rounds = Positive(parse.GetValue(rounds), "--rounds"),
            };
            var asJson = parse.GetValue(json);
            var result = await IngestBenchmark.RunAsync(options, asJson ? null : message => Console.Error.WriteLine($"  {message}"));
            Console.WriteLine(asJson ? JsonSerializer.Serialize(result, Json) : Describe(result));
            return 0;
        });
        return command;
    }

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new CliException($"{name} must be at least 1", CliApp.UsageError);

    private static string Describe(IngestBenchmarkResult r) => string.Create(CultureInfo.InvariantCulture, $"""
        ingest: {r.Images} images ({r.ImageSource}) x {r.Rounds} rounds, batch {r.Batch}, threads {(r.Threads == 0 ? "default" : r.Threads)}, decode parallelism {r.DecodeParallelism}, provider {r.Provider}
          raw embedder, decode + embed loop   {r.RawFromBytesProductsPerSecond,8:0.0} products/s   (baseline)
          embedding pipeline                  {r.PipelineProductsPerSecond,8:0.0} products/s   ratio {r.Ratio:0.000} (store read + write and sink included)
          raw embedder, pre-decoded pixels    {r.RawFromPixelsProductsPerSecond,8:0.0} products/s   pipeline / this {r.RatioToInference:0.000} (inference ceiling)
          pipeline failures: {r.PipelineFailures}; target ratio >= {IngestBenchmarkResult.TargetRatio}: {(r.MeetsTarget ? "met" : "NOT met")}
        """);
}
