using Pursearch.SearchNode.Search;
using Pursearch.Vision.Imaging;

namespace Pursearch.SearchNode.Hosting;

/// <summary>How a search node runs: where its data is, where it listens, limits, rate limiting and refresh interval.</summary>
public sealed record NodeSettings
{
    public required string DataDirectory { get; init; }

    /// <summary>Address to listen on; loopback unless the operator opens it up.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests).</summary>
    public int HttpPort { get; init; } = 8080;

    public SearchSettings Search { get; init; } = new();

    /// <summary>Largest photo accepted, in bytes; also bounds the request body.</summary>
    public long MaxImageBytes { get; init; } = DecodeLimits.Default.MaxBytes;

    /// <summary>Public API requests allowed per client address per minute; null turns rate limiting off.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>How often the node reads the store's change feed.</summary>
    public TimeSpan FollowInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Write <c>{data}/node.json</c> with the URL so operator commands find the node.</summary>
    public bool WriteNodeFile { get; init; } = true;
}
