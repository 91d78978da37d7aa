using Pursearch.Forge.Sites;

namespace Pursearch.Forge.Tests.Sites;

/// <summary>One photo cache for the whole test run: every server of the test world renders each product once.</summary>
public static class TestWorld
{
    public const int Seed = 11;
    public const int Products = 72;

    public static ProductImages Images { get; } = new(Pursearch.Forge.World.ForgeWorld.Create(Seed, Products));

    public static ForgeSiteOptions Options(SiteFaults faults = SiteFaults.None) => new()
    {
        Seed = Seed, Products = Products, CrawlDelay = TimeSpan.FromSeconds(0.05), Faults = faults, Images = Images,
        SlowPause = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>A client that shows the wire as it is: no redirects followed, no decompression.</summary>
    public static HttpClient RawClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
}
