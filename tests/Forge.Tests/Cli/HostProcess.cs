using System.Diagnostics;

namespace Pursearch.Forge.Tests.Cli;

/// <summary>
/// Runs the built <c>pursearch</c> host (src/Host/bin/{configuration}/net10.0/pursearch.dll) with <c>dotnet</c>.
/// The host is built by the solution build (./test.sh); the test project does not reference it, so its native
/// inference libraries stay out of this test's output folder.
/// </summary>
public static class HostProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(HostDll());
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("pursearch did not exit within 60 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string HostDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Pursearch.sln")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException("repository root (Pursearch.sln) not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(root.FullName, "src", "Host", "bin", configuration, "net10.0", "pursearch.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"build the host first (dotnet build src/Host -c {configuration}; ./test.sh does)", dll);
    }
}
