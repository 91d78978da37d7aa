using Pursearch.E2E.Harness;

namespace Pursearch.E2E;

/// <summary>One node started by <c>up</c> on a copy of the prepared demo world, and one chromium, shared by the
/// shopper page tests; both are stopped when the tests end, whatever happened.</summary>
public sealed class ShopperPageFixture : IAsyncLifetime
{
    private RunningNode? _node;
    private DebianChromium? _browser;

    public RepositoryLayout Repository { get; } = RepositoryLayout.FromTestAssembly();
    public RunningNode Node => _node ?? throw new InvalidOperationException("the node is not started");
    public DebianChromium Browser => _browser ?? throw new InvalidOperationException("the browser is not started");
    /// <summary>A held-out street photo of a bag (never used for training), the same one every run.</summary>
    public string StreetPhoto { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The machine is shared by parallel builds: 5 s (Playwright's default) is too tight for a search under load.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(20_000);
        _browser = await DebianChromium.LaunchAsync();
        var prepared = await new DemoDataCache(Repository).EnsurePreparedAsync();
        StreetPhoto = FirstHeldOutBagPhoto(prepared);
        _node = await RunningNode.StartAsync(Repository, DemoDataCache.CopyOf(prepared));
    }

    public async Task DisposeAsync()
    {
        _node?.Dispose();
        if (_browser is not null)
            await _browser.DisposeAsync();
    }

    private static string FirstHeldOutBagPhoto(string data)
    {
        var heldOut = Path.Combine(data, "forge", "labelled", "heldout");
        return Directory.EnumerateFiles(heldOut, "*.jpg", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}_none{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault() ?? throw new InvalidOperationException($"no held-out street photo of a bag under {heldOut}");
    }
}
