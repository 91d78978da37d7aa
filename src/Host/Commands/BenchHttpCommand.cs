using System.CommandLine;
using System.Text.Json;
using Pursearch.Bench.Http;
using Pursearch.Host.Cli;
using Spectre.Console;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch bench http [--requests N] [--json]</c>: p50/p99 per stage of photo searches over HTTP against a
/// node, and the same searches in-process without HTTP as the same-run baseline.</summary>
public static class BenchHttpCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var data = DataDirectory.Option();
        var url = new Option<string?>("--url") { Description = "Measure this running node (default: one started in-process on --data)." };
        var requests = new Option<int>("--requests") { Description = "Timed requests (held-out photos, cycled).", DefaultValueFactory = _ => 100 };
        var threads = TrainCommand.ThreadsOption();
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("http", "Photo search over HTTP vs the same search in-process: p50/p99 per stage (decode, crop, embed, search, total).")
        {
            data, url, requests, threads, json,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var count = parse.GetValue(requests);
            if (count < 10)
                throw new CliException("--requests must be at least 10", CliApp.UsageError);
            var options = new HttpBenchmarkOptions
            {
                DataDirectory = new DataDirectory(parse.GetValue(data)!).Root, Url = parse.GetValue(url), Requests = count,
                Threads = parse.GetValue(threads),
            };
            HttpBenchmarkResult result;
            try
            {
                result = await HttpBenchmark.RunAsync(options, message => Console.Error.WriteLine($"  {message}"), cancel);
            }
            catch (InvalidOperationException e)
            {
                throw new CliException(e.Message);
            }
            if (parse.GetValue(json))
                Console.Out.WriteLine(JsonSerializer.Serialize(result, Json));
            else
                Print(result);
            return 0;
        });
        return command;
    }

    private static void Print(HttpBenchmarkResult r)
    {
        var console = AnsiConsole.Console;
        console.Profile.Width = Math.Max(console.Profile.Width, 120);
        console.MarkupLine(Markup.Escape($"http: {r.Requests} searches ({r.Photos} photos) against {r.Url}, generation {r.Generation}, " +
                                         $"model {r.ModelVersion ?? "none"}, {r.Threads} inference threads, {r.Failures} failed"));
        var table = new Table().AddColumns("stage (ms)", "http p50", "http p99", "in-process p50", "in-process p99");
        foreach (var (http, direct) in r.Http.Zip(r.Baseline))
            table.AddRow(http.Stage, $"{http.P50Ms:0.0}", $"{http.P99Ms:0.0}", $"{direct.P50Ms:0.0}", $"{direct.P99Ms:0.0}");
        table.AddRow("client wall", $"{r.HttpClientWall.P50Ms:0.0}", $"{r.HttpClientWall.P99Ms:0.0}", "", "");
        console.Write(table);
        console.MarkupLine($"HTTP client wall / in-process total: p50 {r.RatioP50:0.000}x, p99 {r.RatioP99:0.000}x");
    }
}
