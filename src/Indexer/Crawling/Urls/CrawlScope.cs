using System.Globalization;
using Pursearch.Core;

namespace Pursearch.Indexer.Crawling.Urls;

/// <summary>
/// The hosts a crawl may visit. An entry is a host (<c>shop.example</c>, any port), a host with a port
/// (<c>127.0.0.1:5000</c>, that port only) or a wildcard for subdomains (<c>*.shop.example</c>).
/// </summary>
public sealed class CrawlScope
{
    private const int MaxStackHost = 256;

    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _authorities = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _suffixes = [];

    public CrawlScope(IEnumerable<string> allowedHosts)
    {
        foreach (var entry in allowedHosts)
            Add(Guard.NotBlank(entry, "allowedHosts").ToLowerInvariant().TrimEnd('.'));
        if (_hosts.Count + _authorities.Count + _suffixes.Count == 0)
            throw new DomainException("allowedHosts", "at least one host is required");
    }

    public IReadOnlyCollection<string> Entries => [.. _hosts, .. _authorities, .. _suffixes.Select(s => "*" + s)];

    /// <summary>The scope of a set of start URLs: their hosts with their ports, plus the <c>www.</c> twin of each host.</summary>
    public static CrawlScope ForStartUrls(IEnumerable<Uri> startUrls)
    {
        var entries = new List<string>();
        foreach (var url in startUrls)
        {
            var host = url.IdnHost.ToLowerInvariant();
            var twin = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : "www." + host;
            var port = url.IsDefaultPort ? "" : ":" + url.Port;
            entries.Add(host + port);
            if (Uri.CheckHostName(host) == UriHostNameType.Dns && host.Contains('.'))
                entries.Add(twin + port);
        }
        return new CrawlScope(entries);
    }

    public bool Contains(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return false;
        var host = (url.HostNameType == UriHostNameType.IPv6 ? url.Host : url.IdnHost).ToLowerInvariant().TrimEnd('.');
        if (_hosts.Contains(host) || ContainsAuthority(host, url.Port))
            return true;
        return _suffixes.Any(suffix => host.EndsWith(suffix, StringComparison.Ordinal));
    }

    // Every link a page offers is checked here: the host:port key is looked up without building a string.
    private bool ContainsAuthority(string host, int port)
    {
        if (_authorities.Count == 0)
            return false;
        if (host.Length > MaxStackHost)
            return _authorities.Contains($"{host}:{port}");
        Span<char> authority = stackalloc char[host.Length + 6];
        host.CopyTo(authority);
        authority[host.Length] = ':';
        port.TryFormat(authority[(host.Length + 1)..], out var digits, provider: CultureInfo.InvariantCulture);
        return _authorities.GetAlternateLookup<ReadOnlySpan<char>>().Contains(authority[..(host.Length + 1 + digits)]);
    }

    private void Add(string entry)
    {
        if (entry.StartsWith("*.", StringComparison.Ordinal) && entry.Length > 2)
        {
            _suffixes.Add(entry[1..]);
            return;
        }
        if (!Uri.TryCreate("http://" + entry, UriKind.Absolute, out var parsed) || parsed.PathAndQuery != "/")
            throw new DomainException("allowedHosts", $"'{entry}' is not a host, host:port or *.domain");
        var host = parsed.HostNameType == UriHostNameType.IPv6 ? parsed.Host : parsed.IdnHost.ToLowerInvariant();
        var hasPort = entry.LastIndexOf(':') > entry.LastIndexOf(']');
        if (hasPort)
            _authorities.Add($"{host}:{parsed.Port}");
        else
            _hosts.Add(host);
    }
}
