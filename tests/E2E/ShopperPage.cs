using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pursearch.E2E;

/// <summary>The shopper page at <c>/</c> as a test drives it: choose a photo, set filters, search, read what it shows.</summary>
public sealed class ShopperPage(IPage page)
{
    public IPage Page => page;
    public ILocator CropBox => page.Locator("#crop-box");
    public ILocator Identities => page.Locator("#identities li");
    public ILocator Cards => page.Locator("#matches li.card");
    public ILocator Error => page.Locator("#error");

    public static async Task<ShopperPage> OpenAsync(IBrowserContext browser, Uri node)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(node.ToString());
        // The retailer checkboxes come from /facets: once they are there, the page's start-up script has run.
        await Expect(page.Locator("#retailers input[name=retailer]").First).ToBeAttachedAsync();
        return new ShopperPage(page);
    }

    public Task ChoosePhotoAsync(string path) => page.SetInputFilesAsync("#photo", path);

    public Task CapPriceAsync(string maxPrice) => page.SelectOptionAsync("#price", maxPrice);

    public Task SearchAsync() => RunSearchAsync(() => page.ClickAsync("#submit"));

    public Task TryExampleAsync() => RunSearchAsync(() => page.ClickAsync("#example"));

    /// <summary>Each card's price as the page shows it (the shopper's currency), from the card's data attributes.</summary>
    public async Task<IReadOnlyList<(decimal Amount, string Currency)>> CardPricesAsync()
    {
        var prices = await Cards.EvaluateAllAsync<string[][]>("cards => cards.map(c => [c.dataset.price, c.dataset.currency])");
        return [.. prices.Select(p => (decimal.Parse(p[0], NumberStyles.Float, CultureInfo.InvariantCulture), p[1]))];
    }

    public async Task ScreenshotAsync(string path, bool fullPage = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
    }

    // Done when the search response has arrived and the page has rendered it (the form is no longer busy).
    private async Task RunSearchAsync(Func<Task> action)
    {
        var response = await page.RunAndWaitForResponseAsync(action,
            r => r.Url.Contains("/api/v1/search", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.True(response.Ok, $"search answered {response.Status}: {await response.TextAsync()}");
        await Expect(page.Locator("#search-form")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(Error).ToBeHiddenAsync();
    }
}
