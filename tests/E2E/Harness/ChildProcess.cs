using System.Diagnostics;
using System.Text;

namespace Pursearch.E2E.Harness;

/// <summary>A <c>dotnet pursearch.dll ...</c> child process whose output is kept (the last part of it) for failure
/// messages; disposing it kills the whole process tree, whatever state the test left it in.</summary>
public sealed class ChildProcess : IDisposable
{
    private const int KeptOutputChars = 8000;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // An aborted test run skips Dispose; a node left listening would outlive it.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static ChildProcess StartHost(RepositoryLayout repo, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = repo.Root,
        };
        start.ArgumentList.Add(repo.HostAssembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start dotnet {repo.HostAssembly}");
        return new ChildProcess(process);
    }

    /// <summary>Runs <c>pursearch ARGS</c> to the end and returns its output (the last part of it, stdout and stderr by
    /// line); throws with that output when it fails.</summary>
    public static async Task<string> RunHostAsync(RepositoryLayout repo, TimeSpan timeout, params string[] arguments)
    {
        using var child = StartHost(repo, arguments);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await child._process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"pursearch {string.Join(' ', arguments)} did not finish in {timeout}:\n{child.Output}");
        }
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"pursearch {string.Join(' ', arguments)} exited {child.ExitCode}:\n{child.Output}");
        // The exit event can precede the last redirected lines.
        child._process.WaitForExit();
        return child.Output;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        Kill();
        _process.Dispose();
    }

    private void KillOnExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to stop.
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > KeptOutputChars)
                _output.Remove(0, _output.Length - KeptOutputChars);
        }
    }
}
