using System.Diagnostics;
using System.Reflection;

namespace Pursearch.Storage.Tests.Sqlite;

/// <summary>The Storage.Writer child process (tests/Tools/Storage.Writer), run with <c>dotnet its.dll</c>.</summary>
public sealed class WriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<bool> _batchStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WriterProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_lines)
                _lines.Add(e.Data);
            if (e.Data == "batch-started")
                _batchStarted.TrySetResult(true);
        };
        _process.BeginOutputReadLine();
    }

    public static string DllPath { get; } = typeof(WriterProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "StorageWriterDll").Value!;

    public static WriterProcess Start(params string[] args)
    {
        Assert.True(File.Exists(DllPath), $"build tests/Tools/Storage.Writer first: {DllPath} is missing");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return new WriterProcess(Process.Start(start)!);
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return _lines.ToList();
        }
    }

    public Task BatchStarted => _batchStarted.Task;

    public bool HasExited => _process.HasExited;

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async Task<string> StandardErrorAsync() => await _process.StandardError.ReadToEndAsync();

    /// <summary>Kills the process as a crash would: no finally blocks, no disposal, no checkpoint.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
