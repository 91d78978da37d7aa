using Pursearch.Core.Catalog;

namespace Pursearch.Storage.Contracts;

/// <summary>What a source's crawl last saw at one page: its validators (for a conditional GET) and the products on it.</summary>
public sealed record PageState(string Url, string? ETag, DateTimeOffset? LastModified, IReadOnlyList<ProductId> Products,
    DateTimeOffset SeenAt);

/// <summary>
/// A page fetched in full with the products read from it. Without validators the next crawl fetches it in full again
/// (e.g. because one of its images could not be stored yet).
/// </summary>
public sealed record CrawledPage(string Url, string? ETag, DateTimeOffset? LastModified, IReadOnlyList<Product> Products);

/// <summary>
/// One commit of a crawl: pages fetched in full, and pages seen again unchanged (a 304, or a page that could not be
/// fetched this time and must not count as gone), all at <see cref="SeenAt"/>.
/// </summary>
public sealed record PageBatch(IReadOnlyList<CrawledPage> Fetched, IReadOnlyList<string> Unchanged, DateTimeOffset SeenAt);

/// <summary>What a commit did: the upsert outcome of every fetched product in batch order, and products seen again unchanged.</summary>
public sealed record PageCommit(IReadOnlyList<UpsertOutcome> Outcomes, int Touched);

/// <summary>
/// The page states of each source's crawls, kept beside the catalog so that a page's validators are saved in the same
/// transaction as its products: a crash between the two can never leave a 304 hiding products that were not stored.
/// </summary>
public interface IPageStateStore
{
    /// <summary>
    /// In one transaction: upserts the products of the fetched pages (as <see cref="ICatalogStore.UpsertManyAsync"/>)
    /// and records each page's state; for each unchanged page moves the last-seen time of the products its stored
    /// state lists (no change-feed entry: nothing readers see changed).
    /// </summary>
    Task<PageCommit> CommitAsync(string source, PageBatch batch, CancellationToken cancel = default);

    /// <summary>Every page state of a source, in URL order.</summary>
    Task<IReadOnlyList<PageState>> ListAsync(string source, CancellationToken cancel = default);

    /// <summary>Forgets every page state of a source (its next crawl fetches everything in full); returns how many.</summary>
    Task<int> ForgetAsync(string source, CancellationToken cancel = default);
}
