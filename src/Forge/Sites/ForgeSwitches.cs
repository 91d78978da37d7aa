using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pursearch.Core.Catalog;

namespace Pursearch.Forge.Sites;

/// <summary>
/// The <c>/_forge/</c> endpoints every shop of a server answers (robots.txt keeps crawlers out): <c>GET /_forge/catalog.jsonl</c>
/// lists what the shops offer now, one product a line; <c>POST /_forge/change?kind=price|image|stock|delist&amp;fraction=0.05</c>
/// changes that fraction of all listed products and answers their ids.
/// </summary>
public sealed class ForgeSwitches(ShopCatalog catalog)
{
    public async Task HandleAsync(HttpContext context, string path)
    {
        switch (path)
        {
            case "/_forge/catalog.jsonl" when HttpMethods.IsGet(context.Request.Method):
                context.Response.ContentType = "application/x-ndjson";
                await context.Response.WriteAsync(CatalogLines(catalog.Listed()), context.RequestAborted);
                return;
            case "/_forge/change" when HttpMethods.IsPost(context.Request.Method):
                await ChangeAsync(context);
                return;
            default:
                await ShopResponses.StatusAsync(context, StatusCodes.Status404NotFound,
                    "Forge switches: GET /_forge/catalog.jsonl, POST /_forge/change?kind=price|image|stock|delist&fraction=F");
                return;
        }
    }

    /// <summary>The offered products as JSON lines: id, sku, brand, name, price, availability, page and image paths.</summary>
    public static string CatalogLines(IEnumerable<ShopItem> items)
    {
        var lines = new StringBuilder();
        foreach (var item in items)
            lines.Append(JsonSerializer.Serialize(new
            {
                productId = item.Id.ToString(), retailer = item.Retailer.Slug, sku = item.Sku, brand = item.Product.Brand,
                name = item.Product.Name, price = new { amount = item.Price.Amount, currency = item.Price.Currency.Code },
                availability = item.Availability.ToString(), page = item.PagePath, image = item.ImagePath,
            })).Append('\n');
        return lines.ToString();
    }

    private async Task ChangeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (!Enum.TryParse<CatalogChange>(query["kind"].ToString(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind) ||
            !double.TryParse(query["fraction"].ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) ||
            fraction is < 0 or > 1)
        {
            await ShopResponses.StatusAsync(context, StatusCodes.Status400BadRequest,
                "give kind=price|image|stock|delist and fraction between 0 and 1");
            return;
        }
        IReadOnlyList<ProductId> changed = catalog.Change(kind, fraction);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            kind = kind.ToString().ToLowerInvariant(), changed = changed.Select(id => id.ToString()),
        }), context.RequestAborted);
    }
}
