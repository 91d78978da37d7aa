using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Pursearch.Forge.Sites.Markup;
using Pursearch.Forge.World;

namespace Pursearch.Forge.Sites;

/// <summary>
/// Answers the requests of one shop: robots.txt, home, paged listings, product pages in the shop's markup, photos,
/// sitemaps, service pages, the fault pages of its <see cref="FaultPlan"/>, and the <c>/_forge/</c> switches.
/// Absolute links are written for the host the client asked for.
/// </summary>
public sealed partial class ShopRequestHandler(
    Retailer retailer, ShopCatalog catalog, ProductImages images, FaultPlan faults, ForgeSiteOptions options)
{
    private readonly ShopLayout _layout = ShopLayout.For(retailer);
    private readonly ForgeSwitches _switches = new(catalog);

    public Retailer Retailer => retailer;
    public ShopLayout Layout => _layout;
    public FaultPlan Faults => faults;

    public async Task HandleAsync(HttpContext context)
    {
        var links = new SiteLinks(new Uri($"{context.Request.Scheme}://{context.Request.Host}/"), _layout.Links);
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/_forge/", StringComparison.Ordinal))
        {
            await _switches.HandleAsync(context, path);
            return;
        }
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await ShopResponses.StatusAsync(context, StatusCodes.Status405MethodNotAllowed, "only GET");
            return;
        }
        await RouteAsync(context, path, links);
    }

    private Task RouteAsync(HttpContext context, string path, SiteLinks links)
    {
        switch (path)
        {
            case "/robots.txt":
                return ShopResponses.TextAsync(context, RobotsFile.Render(links, options.CrawlDelay), ShopResponses.PlainText, ShopItem.Epoch);
            case "/":
                return Page(context, ListingPages.Home(retailer.Name, _layout, links, faults.ExtraPaths), ShopItem.Epoch);
            case "/bags" when _layout.Listing == ListingStyle.QueryPages:
                return ListingAsync(context, links, context.Request.Query["page"].ToString() is { Length: > 0 } page ? page : "1");
            case Sitemaps.IndexPath:
                return ShopResponses.TextAsync(context, Sitemaps.Index(links), ShopResponses.Xml, ShopItem.Epoch);
            case Sitemaps.FirstPath:
                return ShopResponses.TextAsync(context, Sitemaps.Products(catalog.Listed(retailer), 1, links), ShopResponses.Xml,
                    LastChange(catalog.Listed(retailer)));
            case Sitemaps.SecondPath:
                return ShopResponses.BytesAsync(context, Sitemaps.Gzip(Sitemaps.Products(catalog.Listed(retailer), 2, links)),
                    "application/gzip", LastChange(catalog.Listed(retailer)), compressible: false);
            case "/cart" or "/account/login" or "/search":
                return Page(context, PlainPages.Simple(retailer.Name, "Members only", "robots.txt keeps crawlers out of here.", links), ShopItem.Epoch);
            case "/account/help":
                return Page(context, PlainPages.Simple(retailer.Name, "Help", "Delivery in 3 to 5 days; returns within 30 days.", links), ShopItem.Epoch);
        }
        if (path.StartsWith("/collection/page/", StringComparison.Ordinal) && _layout.Listing == ListingStyle.RelNextPages)
            return ListingAsync(context, links, path["/collection/page/".Length..]);
        if (path.StartsWith("/p/", StringComparison.Ordinal))
            return ProductAsync(context, links, path[3..]);
        if (path.StartsWith("/img/", StringComparison.Ordinal))
            return ImageAsync(context, path[5..]);
        return FaultPageAsync(context, path, links);
    }

    private Task ListingAsync(HttpContext context, SiteLinks links, string pageText)
    {
        var listed = catalog.Listed(retailer);
        var pageCount = ListingPages.PageCount(listed.Count);
        if (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1 || page > pageCount)
            return ShopResponses.StatusAsync(context, StatusCodes.Status404NotFound, "no such page");
        var onPage = listed.Skip((page - 1) * ShopLayout.PageSize).Take(ShopLayout.PageSize).ToList();
        var html = ListingPages.Listing(retailer.Name, _layout, links, onPage, page, pageCount, page == 1 ? faults.ExtraPaths : []);
        return Page(context, html, LastChange(onPage));
    }

    private async Task ProductAsync(HttpContext context, SiteLinks links, string sku)
    {
        if (context.Request.Path == FaultPlan.MangledPath && faults.Faults.HasFlag(SiteFaults.MalformedHtml))
        {
            await Page(context, PlainPages.Mangled(retailer.Name, links), ShopItem.Epoch);
            return;
        }
        if (catalog.Find(retailer, sku) is not { } item)
        {
            await ShopResponses.StatusAsync(context, StatusCodes.Status404NotFound, "no such product");
            return;
        }
        if (await InjectedAsync(context, sku))
            return;
        var html = ProductPages.Render(item, _layout, links);
        await Page(context, sku == faults.MalformedSku ? PlainPages.Mangle(html) : html, item.LastModified);
    }

    /// <summary>Answers with the product page's fault, if it has one now; false when the page should be served.</summary>
    private async Task<bool> InjectedAsync(HttpContext context, string sku)
    {
        if (sku == faults.BurstSku && faults.Attempt(context.Request.Path) <= FaultPlan.BurstLength)
        {
            await ShopResponses.StatusAsync(context, StatusCodes.Status503ServiceUnavailable, "busy, try again");
            return true;
        }
        if (sku == faults.RateLimitedSku && faults.Attempt(context.Request.Path) == 1)
        {
            await TooManyRequestsAsync(context);
            return true;
        }
        if (sku == faults.SlowSku)
            await Task.Delay(options.SlowPause, context.RequestAborted);
        return false;
    }

    private async Task ImageAsync(HttpContext context, string file)
    {
        var match = ImageFile().Match(file);
        var item = match.Success ? catalog.Find(retailer, match.Groups["sku"].Value) : null;
        var revision = match.Success && match.Groups["v"].Success ? int.Parse(match.Groups["v"].Value, CultureInfo.InvariantCulture) - 1 : 0;
        if (item is null || revision != item.ImageRevision)
        {
            await ShopResponses.StatusAsync(context, StatusCodes.Status404NotFound, "no such image");
            return;
        }
        if (item.Sku == faults.HugeImageSku)
        {
            await HugeImage.WriteAsync(context, FaultPlan.HugeImageBytes);
            return;
        }
        var jpeg = images.Jpeg(item.Product, item.ImageRevision);
        if (item.Sku == faults.TruncatedImageSku)
            jpeg = jpeg[..(jpeg.Length * 3 / 5)];
        context.Response.Headers.CacheControl = "public, max-age=86400";
        await ShopResponses.BytesAsync(context, jpeg, "image/jpeg", item.LastModified, compressible: false);
    }

    private async Task FaultPageAsync(HttpContext context, string path, SiteLinks links)
    {
        var has = faults.Faults;
        switch (path)
        {
            case FaultPlan.BrokenPath when has.HasFlag(SiteFaults.ServerErrors):
                await ShopResponses.StatusAsync(context, StatusCodes.Status500InternalServerError, "internal error");
                return;
            case FaultPlan.BusyPath when has.HasFlag(SiteFaults.RateLimits):
                await TooManyRequestsAsync(context);
                return;
            case FaultPlan.SlowPath when has.HasFlag(SiteFaults.SlowResponses):
                await TrickleAsync(context);
                return;
            case FaultPlan.LoopPath when has.HasFlag(SiteFaults.RedirectLoops):
                context.Response.Redirect(FaultPlan.LoopTwinPath);
                return;
            case FaultPlan.LoopTwinPath when has.HasFlag(SiteFaults.RedirectLoops):
                context.Response.Redirect(FaultPlan.LoopPath);
                return;
        }
        if (has.HasFlag(SiteFaults.CrawlerTrap) && CalendarMonth().Match(path) is { Success: true } month)
        {
            var date = new DateOnly(Math.Clamp(int.Parse(month.Groups[1].Value, CultureInfo.InvariantCulture), 1, 9000),
                Math.Clamp(int.Parse(month.Groups[2].Value, CultureInfo.InvariantCulture), 1, 12), 1);
            await Page(context, PlainPages.Calendar(retailer.Name, date, links), ShopItem.Epoch);
            return;
        }
        await ShopResponses.StatusAsync(context, StatusCodes.Status404NotFound, "not found");
    }

    private Task TooManyRequestsAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ShopResponses.StatusAsync(context, StatusCodes.Status429TooManyRequests, "slow down");
    }

    /// <summary>A response whose body comes a byte every quarter second for as long as the client waits (a slow-loris server).</summary>
    private static async Task TrickleAsync(HttpContext context)
    {
        context.Response.ContentType = ShopResponses.Html;
        try
        {
            await context.Response.StartAsync(context.RequestAborted);
            for (var i = 0; i < 4 * 60 * 10; i++)
            {
                await context.Response.Body.WriteAsync("<"u8.ToArray(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(250, context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client gave up, as it should.
        }
    }

    private static Task Page(HttpContext context, string html, DateTimeOffset lastModified) =>
        ShopResponses.TextAsync(context, html, ShopResponses.Html, lastModified);

    private static DateTimeOffset LastChange(IReadOnlyList<ShopItem> items) =>
        items.Count == 0 ? ShopItem.Epoch : items.Max(i => i.LastModified);

    [GeneratedRegex(@"^(?<sku>[A-Za-z0-9_.-]+?)(?:-v(?<v>[2-9]|[1-9][0-9]{1,5}))?\.jpg$")]
    private static partial Regex ImageFile();

    [GeneratedRegex(@"^/calendar/([0-9]{4})-([0-9]{2})$")]
    private static partial Regex CalendarMonth();
}
