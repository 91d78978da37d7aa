using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Pursearch.Forge.Sites;

/// <summary>One request a Forge site answered: when it arrived (wall clock and since the server started), which shop and
/// host it reached, what it asked, what was answered, and who asked.</summary>
public sealed record LoggedRequest(
    DateTimeOffset At, TimeSpan Elapsed, string Site, string Host, string Method, string Path, int Status, string? UserAgent);

/// <summary>
/// Every request of every site of a server, in memory for tests and optionally appended to a file as tab-separated lines
/// (time, site, host, method, path, status, user agent). Entries are added when the response ends.
/// </summary>
public sealed class RequestLog : IDisposable
{
    private readonly ConcurrentQueue<LoggedRequest> _entries = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly StreamWriter? _file;
    private readonly Lock _fileGate = new();

    public RequestLog(string? filePath = null)
    {
        if (filePath is not null)
            _file = new StreamWriter(new FileStream(filePath, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Every entry so far, in arrival order.</summary>
    public IReadOnlyList<LoggedRequest> Entries => _entries.OrderBy(e => e.Elapsed).ToList();

    /// <summary>The entries of one site (retailer slug), in arrival order.</summary>
    public IReadOnlyList<LoggedRequest> Of(string site) => Entries.Where(e => e.Site == site).ToList();

    public void Add(LoggedRequest entry)
    {
        _entries.Enqueue(entry);
        if (_file is null)
            return;
        var line = string.Join('\t', entry.At.ToString("O", CultureInfo.InvariantCulture), entry.Site, entry.Host, entry.Method,
            entry.Path, entry.Status.ToString(CultureInfo.InvariantCulture), entry.UserAgent ?? "-");
        lock (_fileGate)
            _file.WriteLine(line);
    }

    public void Clear() => _entries.Clear();

    public void Dispose() => _file?.Dispose();
}
