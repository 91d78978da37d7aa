using Pursearch.Core.Catalog;
using Pursearch.Core.Scraping;
using Pursearch.Storage.Contracts;

namespace Pursearch.Indexer.Scraping;

/// <summary>
/// A page ready to commit: its products with the hashes of images fetched for them, and whether every image it needed
/// was stored (only then are its validators kept, so a page with a missing image is fetched in full next time).
/// </summary>
public sealed record PreparedPage(CrawlPage Page, IReadOnlyList<Product> Products, bool ImagesComplete, IReadOnlyList<ScrapeError> Errors);

/// <summary>
/// The image stage of a scrape: a product whose image URL is new, changed, or never stored gets its image fetched and
/// stored; a product whose stored image is still current keeps it without any request.
/// </summary>
public sealed class PageImages(ICatalogStore catalog, ImageFetcher images)
{
    public async Task<PreparedPage> PrepareAsync(CrawlPage page, CancellationToken cancel)
    {
        if (page.Products.Count == 0)
            return new PreparedPage(page, [], true, []);
        var products = new List<Product>(page.Products.Count);
        var errors = new List<ScrapeError>();
        foreach (var extracted in page.Products)
        {
            var product = extracted.Product;
            var stored = await catalog.GetAsync(product.Id, cancel);
            if (stored?.ImageSha256 is not null && stored.ImageUrl.AbsoluteUri == product.ImageUrl.AbsoluteUri)
            {
                products.Add(product);
                continue;
            }
            var fetched = await images.FetchAsync(product.ImageUrl, cancel);
            if (fetched.Error is { } error)
                errors.Add(error);
            products.Add(fetched.Sha256 is { } sha ? product.WithImage(sha) : product);
        }
        return new PreparedPage(page, products, errors.Count == 0, errors);
    }
}
