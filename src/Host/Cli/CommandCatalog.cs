using System.CommandLine;
using Pursearch.Host.Commands;

namespace Pursearch.Host.Cli;

/// <summary>Every top-level command, in the order <c>--help</c> lists them.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        StoreCommand.Create(),
        ForgeCommand.Create(),
        CrawlCommand.Create(),
        SourceCommand.Create(),
        ScrapeCommand.Create(),
        TrainCommand.Create(),
        EvalCommand.Create(),
        UpCommand.Create(),
        SearchCommand.Create(),
        AdminCommand.Create(),
        BenchCommand.Create(),
    ];
}
