using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pursearch.Bench.Vision;
using Pursearch.Host.Cli;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch bench embed</c>: Vision API images/s against a raw ONNX session, and decode + resize images/s.</summary>
public static class BenchEmbedCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var images = new Option<int>("--images") { Description = "Images to embed per round", DefaultValueFactory = _ => 64 };
        var batch = new Option<int>("--batch") { Description = "Images per network run", DefaultValueFactory = _ => 16 };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads (0 = its default)" };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds per contender", DefaultValueFactory = _ => 5 };
        var spinning = new Option<bool>("--spinning") { Description = "Let idle ONNX Runtime threads spin (off by default)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("embed",
            "Images/s of the Vision embedding API vs a raw ONNX Runtime session on the same tensors, and of decode + resize.")
        {
            images, batch, threads, rounds, spinning, json,
        };
        command.SetAction(parse =>
        {
            var options = new EmbedBenchmarkOptions
            {
                Images = Positive(parse.GetValue(images), "--images"),
                Batch = Positive(parse.GetValue(batch), "--batch"),
                Threads = parse.GetValue(threads) >= 0 ? parse.GetValue(threads)
                    : throw new CliException("--threads must be 0 or more", CliApp.UsageError),
                Rounds = Positive(parse.GetValue(rounds), "--rounds"),
                Spinning = parse.GetValue(spinning),
            };
            var asJson = parse.GetValue(json);
            var result = EmbedBenchmark.Run(options, asJson ? null : message => Console.Error.WriteLine($"  {message}"));
            Console.WriteLine(asJson ? JsonSerializer.Serialize(result, Json) : Describe(result));
            return 0;
        });
        return command;
    }

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new CliException($"{name} must be at least 1", CliApp.UsageError);

    private static string Describe(EmbedBenchmarkResult r) => string.Create(CultureInfo.InvariantCulture, $"""
        embed: {r.Images} images x {r.Rounds} rounds, batch {r.Batch}, threads {(r.Threads == 0 ? "default" : r.Threads)}, provider {r.Provider}, spinning {(r.Spinning ? "on" : "off")}{(r.CudaFailure is null ? "" : $" (CUDA unavailable: {r.CudaFailure})")}
          raw ONNX session       {r.RawSessionImagesPerSecond,8:0.0} images/s
          Vision API (tensors)   {r.VisionApiImagesPerSecond,8:0.0} images/s   ratio {r.Ratio:0.000}
          Vision API (pixels)    {r.VisionApiFromPixelsImagesPerSecond,8:0.0} images/s   ratio {r.RatioFromPixels:0.000} (preprocessing included)
          decode + resize        {r.DecodeResizeImagesPerSecond,8:0.0} images/s   ({r.DecodeSource})
          target ratio >= {EmbedBenchmarkResult.TargetRatio}: {(r.MeetsTarget ? "met" : "NOT met")}
        """);
}
