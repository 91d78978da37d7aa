using Pursearch.Host.Cli;
using Pursearch.SearchNode.Admin;
using Pursearch.SearchNode.Hosting;

namespace Pursearch.Host.Admin;

/// <summary>Where an operator command finds a node: <c>--url</c>, or the <c>node.json</c> a running node wrote into
/// <c>--data</c>; and the admin token, from <c>--token</c>, <c>PURSEARCH_ADMIN_TOKEN</c> or <c>{data}/admin.token</c>.</summary>
public sealed record NodeAddress(Uri Url, string? Token)
{
    public const string TokenVariable = "PURSEARCH_ADMIN_TOKEN";

    /// <summary>The node to talk to, or null when none is given and none runs on the data dir.</summary>
    public static NodeAddress? Find(string? url, string dataDirectory, string? token = null)
    {
        var layout = new DataLayout(dataDirectory);
        token ??= Environment.GetEnvironmentVariable(TokenVariable) ?? AdminToken.Read(layout.AdminTokenFile);
        if (url is not null)
            return new NodeAddress(Parse(url), token);
        return NodeFile.ReadLive(layout.NodeFile) is { } running ? new NodeAddress(Parse(running.Url), token) : null;
    }

    private static Uri Parse(string url) =>
        Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException($"--url '{url}' is not an absolute http(s) URL", CliApp.UsageError);
}
