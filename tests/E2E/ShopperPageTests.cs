using static Microsoft.Playwright.Assertions;

namespace Pursearch.E2E;

/// <summary>The shopper page of a real <c>pursearch up</c> node over the demo world, in chromium (issue 6's "Must show").</summary>
public sealed class ShopperPageTests(ShopperPageFixture fixture) : IClassFixture<ShopperPageFixture>
{
    private const string PriceCap = "250";

    [Fact]
    public async Task UploadedStreetPhotoShowsTheCropBoxTheIdentificationAndMatches()
    {
        var shopper = await OpenAsync();
        await shopper.ChoosePhotoAsync(fixture.StreetPhoto);
        await shopper.SearchAsync();

        await Expect(shopper.CropBox).ToBeVisibleAsync();
        await Expect(shopper.Page.Locator("#crop-caption")).ToHaveTextAsync("The bag we found, outlined.");
        Assert.True(await shopper.Identities.CountAsync() >= 1, "no identification shown");
        await Expect(shopper.Identities.First).ToContainTextAsync("%");
        Assert.True(await shopper.Cards.CountAsync() >= 3, $"expected at least 3 matches, saw {await shopper.Cards.CountAsync()}");
        await shopper.ScreenshotAsync(Screenshot("upload-results.png"));
        await shopper.ScreenshotAsync(fixture.Repository.ReadmeScreenshot, fullPage: false);
    }

    [Fact]
    public async Task PriceCapShowsOnlyCheaperMatches()
    {
        var cap = decimal.Parse(PriceCap, System.Globalization.CultureInfo.InvariantCulture);
        var shopper = await OpenAsync();
        await shopper.ChoosePhotoAsync(fixture.StreetPhoto);
        await shopper.SearchAsync();
        var uncapped = await shopper.CardPricesAsync();
        Assert.True(uncapped.Any(p => p.Amount > cap), $"without a cap no match costs over {cap}, so the cap would prove nothing");

        await shopper.CapPriceAsync(PriceCap);
        await shopper.SearchAsync();

        var capped = await shopper.CardPricesAsync();
        Assert.NotEmpty(capped);
        Assert.All(capped, p => Assert.Equal("USD", p.Currency));
        Assert.All(capped, p => Assert.True(p.Amount <= cap, $"a match at {p.Amount} {p.Currency} is over the {cap} cap"));
        await shopper.ScreenshotAsync(Screenshot("price-cap.png"));
    }

    [Fact]
    public async Task TryAnExamplePhotoSearchesWithIt()
    {
        var shopper = await OpenAsync();
        await shopper.TryExampleAsync();

        await Expect(shopper.Page.Locator("#preview")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        Assert.True(await shopper.Identities.CountAsync() >= 1, "no identification shown for the example");
        Assert.True(await shopper.Cards.CountAsync() >= 3, $"expected at least 3 matches, saw {await shopper.Cards.CountAsync()}");
        await shopper.ScreenshotAsync(Screenshot("example.png"));
    }

    private Task<ShopperPage> OpenAsync() => ShopperPage.OpenAsync(fixture.Browser.Context, fixture.Node.Url);

    private string Screenshot(string name) => Path.Combine(fixture.Repository.ScreenshotDirectory, name);
}
