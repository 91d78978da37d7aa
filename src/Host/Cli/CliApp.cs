using System.CommandLine;
using Pursearch.Core;

namespace Pursearch.Host.Cli;

/// <summary>Builds the <c>pursearch</c> command tree and turns every failure into one line on stderr.</summary>
public static class CliApp
{
    public const int UsageError = 2;
    public const int Failure = 1;

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Pursearch: find a handbag from a photo, and where to buy it or something like it.");
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"pursearch: {parse.Errors[0].Message} (see 'pursearch --help')");
            return UsageError;
        }
        try
        {
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false },
                cancel.Token);
        }
        catch (Exception e) when (e is CliException or DomainException)
        {
            await Console.Error.WriteLineAsync($"pursearch: {e.Message}");
            return e is CliException cli ? cli.ExitCode : UsageError;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("pursearch: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"pursearch: {e.GetType().Name}: {FirstLine(e.Message)}");
            return Failure;
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
