using System.CommandLine;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch bench ...</c>: macro benchmarks that print ratios against a same-run baseline.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Run a benchmark; each prints ratios against a baseline measured in the same run.");
        foreach (var sub in Subcommands())
            bench.Subcommands.Add(sub);
        return bench;
    }

    private static IEnumerable<Command> Subcommands() =>
    [
        BenchEmbedCommand.Create(),
        BenchIndexCommand.Create(),
        BenchIngestCommand.Create(),
        BenchCrawlCommand.Create(),
        BenchHttpCommand.Create(),
    ];
}
