namespace Pursearch.Host.Cli;

/// <summary>A failure the user can act on: printed as one line, with the given exit code.</summary>
public sealed class CliException(string message, int exitCode = CliApp.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
