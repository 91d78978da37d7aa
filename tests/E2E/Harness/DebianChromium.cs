using Microsoft.Playwright;

namespace Pursearch.E2E.Harness;

/// <summary>Debian's chromium driven by Playwright in a fresh profile (Playwright's own browser download cannot work
/// offline). A missing browser is a failure with the command that fixes it, never a skip.</summary>
public sealed class DebianChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private DebianChromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<DebianChromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"the browser tests need Debian's chromium at {ExecutablePath}: install it with `apt-get install -y chromium` (.ci/run does)");
        var profile = Directory.CreateTempSubdirectory("pursearch-e2e-profile-").FullName;
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new()
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
                ViewportSize = new() { Width = 1280, Height = 1000 },
            });
            return new DebianChromium(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            Directory.Delete(profile, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
