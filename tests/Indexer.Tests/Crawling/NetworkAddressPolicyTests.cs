using System.Net;
using Pursearch.Indexer.Crawling.Fetching;

namespace Pursearch.Indexer.Tests.Crawling;

public class NetworkAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:c0a8:0101::1")]
    [InlineData("2001:db8::1")]
    public void Non_public_addresses(string address) =>
        Assert.True(NetworkAddressPolicy.IsNonPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:0808:0808::1")]
    public void Public_addresses(string address) =>
        Assert.False(NetworkAddressPolicy.IsNonPublic(IPAddress.Parse(address)));

    [Fact]
    public void Allowed_networks_open_only_themselves()
    {
        var policy = new NetworkAddressPolicy(false, [IPNetwork.Parse("127.0.0.1/32")]);
        Assert.True(policy.IsAllowed(IPAddress.Parse("127.0.0.1")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("127.0.0.2")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("8.8.8.8")));
        Assert.True(new NetworkAddressPolicy(true).IsAllowed(IPAddress.Parse("10.0.0.1")));
    }

    [Fact]
    public async Task A_host_is_refused_when_any_of_its_addresses_is_non_public()
    {
        var resolver = new FixedResolver(new()
        {
            ["mixed.test"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.5")],
            ["public.test"] = [IPAddress.Parse("93.184.216.34")],
            ["rebind.test"] = [IPAddress.Parse("::ffff:192.168.0.1")],
        });
        var connector = new GuardedConnector(new NetworkAddressPolicy(false), resolver);
        var refused = await Assert.ThrowsAsync<NonPublicAddressException>(
            () => connector.ResolveAllowedAsync("mixed.test", CancellationToken.None));
        Assert.Equal(IPAddress.Parse("10.0.0.5"), refused.Address);
        await Assert.ThrowsAsync<NonPublicAddressException>(() => connector.ResolveAllowedAsync("rebind.test", CancellationToken.None));
        Assert.Single(await connector.ResolveAllowedAsync("public.test", CancellationToken.None));
    }

    [Fact]
    public async Task Localhost_names_and_literals_resolve_to_loopback_and_are_refused()
    {
        var connector = new GuardedConnector(new NetworkAddressPolicy(false), DnsHostResolver.Instance);
        await Assert.ThrowsAsync<NonPublicAddressException>(() => connector.ResolveAllowedAsync("localhost", CancellationToken.None));
        await Assert.ThrowsAsync<NonPublicAddressException>(() => connector.ResolveAllowedAsync("[::1]", CancellationToken.None));
        await Assert.ThrowsAsync<NonPublicAddressException>(() => connector.ResolveAllowedAsync("127.0.0.1", CancellationToken.None));
    }
}

/// <summary>Resolves host names from a fixed table.</summary>
internal sealed class FixedResolver(Dictionary<string, IPAddress[]> table) : IHostResolver
{
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        table.TryGetValue(host, out var addresses) ? addresses : await DnsHostResolver.Instance.ResolveAsync(host, cancellationToken);
}
