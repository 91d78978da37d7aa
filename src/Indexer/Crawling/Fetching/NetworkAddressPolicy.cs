using System.Net;
using System.Net.Sockets;

namespace Pursearch.Indexer.Crawling.Fetching;

/// <summary>
/// Decides which IP addresses the crawler may connect to: public ones always; private, loopback, link-local,
/// unique-local, multicast, reserved and documentation ranges only when allowed (IPv4-mapped, NAT64 and 6to4
/// IPv6 addresses are judged by the IPv4 address inside).
/// </summary>
public sealed class NetworkAddressPolicy(bool allowNonPublic, IEnumerable<IPNetwork>? allowedNetworks = null)
{
    private static readonly IPNetwork[] NonPublicV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"), IPNetwork.Parse("192.88.99.0/24"),
        IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
    ];

    private static readonly IPNetwork[] NonPublicV6 =
    [
        IPNetwork.Parse("::/96"), IPNetwork.Parse("100::/64"), IPNetwork.Parse("64:ff9b:1::/48"),
        IPNetwork.Parse("2001::/23"), IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("3fff::/20"),
        IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private readonly IPNetwork[] _allowed = allowedNetworks?.ToArray() ?? [];

    public bool AllowsNonPublic => allowNonPublic;

    public bool IsAllowed(IPAddress address) =>
        allowNonPublic || !IsNonPublic(address) || _allowed.Any(network => network.Contains(Unwrap(address)));

    /// <summary>Whether an address is anything but a globally routable unicast address.</summary>
    public static bool IsNonPublic(IPAddress address)
    {
        var ip = Unwrap(address);
        if (ip.AddressFamily == AddressFamily.InterNetwork)
            return NonPublicV4.Any(network => network.Contains(ip));
        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
            return true;
        if (Nat64.Contains(ip))
            return IsNonPublic(new IPAddress(ip.GetAddressBytes()[12..]));
        if (SixToFour.Contains(ip))
            return IsNonPublic(new IPAddress(ip.GetAddressBytes()[2..6]));
        return NonPublicV6.Any(network => network.Contains(ip));
    }

    private static IPAddress Unwrap(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

/// <summary>A connection the crawler refused because the host resolves to an address it may not reach.</summary>
public sealed class NonPublicAddressException(string host, IPAddress address)
    : IOException($"{host} resolves to the non-public address {address}")
{
    public string Host { get; } = host;
    public IPAddress Address { get; } = address;
}

/// <summary>Resolves host names to addresses (DNS, or a fixed table in tests).</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>Resolves through the system resolver; IP literals resolve to themselves.</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public static DnsHostResolver Instance { get; } = new();

    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var bare = host.TrimStart('[').TrimEnd(']');
        return IPAddress.TryParse(bare, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(bare, cancellationToken);
    }
}

/// <summary>
/// Opens the sockets behind the crawler's HTTP connections: resolves the host, refuses it if any of its addresses
/// is not allowed, and connects only to the addresses it checked (so DNS cannot change between check and use).
/// Every new host, including each redirect target, passes through here.
/// </summary>
public sealed class GuardedConnector(NetworkAddressPolicy policy, IHostResolver resolver)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = await ResolveAllowedAsync(endpoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<IPAddress[]> ResolveAllowedAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await resolver.ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0)
            throw new HttpRequestException($"{host} has no address");
        var refused = addresses.FirstOrDefault(address => !policy.IsAllowed(address));
        if (refused is not null)
            throw new NonPublicAddressException(host, refused);
        return addresses;
    }
}
