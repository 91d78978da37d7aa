using System.Text.Json;

namespace Pursearch.SearchNode.Admin;

/// <summary>
/// A long operation the admin API can start (<c>POST /api/v1/admin/{name}</c>): it runs in the background, one at a
/// time, reporting progress. The node provides <c>reindex</c>; the host adds those that need the indexer (ingest, train).
/// </summary>
public interface IAdminOperation
{
    /// <summary>The path segment that starts it, e.g. <c>ingest</c>.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Runs with the request's JSON body (an empty object when none was sent); returns a one-line summary.</summary>
    Task<string> RunAsync(JsonElement arguments, OperationProgress progress, CancellationToken cancel);
}

/// <summary>Where an operation reports how far it is: a stage name and the fraction of that stage done.</summary>
public sealed class OperationProgress
{
    private readonly Lock _gate = new();
    private string? _stage;
    private double _fraction;
    private string? _message;

    public void Report(string stage, double fraction, string? message = null)
    {
        lock (_gate)
            (_stage, _fraction, _message) = (stage, Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1), message);
    }

    public (string? Stage, double Fraction, string? Message) Read()
    {
        lock (_gate)
            return (_stage, _fraction, _message);
    }
}

/// <summary>A bad argument to an admin operation; the API answers 400 invalid-parameter.</summary>
public sealed class OperationArgumentException(string message) : Exception(message);
