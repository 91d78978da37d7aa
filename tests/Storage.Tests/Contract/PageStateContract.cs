using Pursearch.Core.Catalog;
using Pursearch.Storage.Contracts;
using static Pursearch.Storage.Tests.Contract.Samples;

namespace Pursearch.Storage.Tests.Contract;

/// <summary>Page state contract: pages and their products commit together, unchanged pages refresh their products' last-seen.</summary>
public abstract class PageStateContract : StoreContract
{
    private const string Source = "rue-shop";
    private const string PageA = "http://127.0.0.1:5001/p/r-1";
    private const string PageB = "http://127.0.0.1:5001/p/r-2";

    private IPageStateStore Pages => ScrapeState.Of(Store).Pages;

    [Fact]
    public async Task A_commit_stores_the_products_and_the_page_validators_together()
    {
        var commit = await Pages.CommitAsync(Source, new PageBatch(
        [
            new CrawledPage(PageA, "\"v1\"", At(-60), [Bag("rue:r-1")]),
            new CrawledPage(PageB, null, null, [Bag("rue:r-2"), Bag("rue:r-3")]),
        ], [], At(1)));

        Assert.Equal([UpsertOutcome.Created, UpsertOutcome.Created, UpsertOutcome.Created], commit.Outcomes);
        var states = await Pages.ListAsync(Source);
        Assert.Equal([PageA, PageB], states.Select(s => s.Url));
        Assert.Equal("\"v1\"", states[0].ETag);
        Assert.Equal(At(-60), states[0].LastModified);
        Assert.Equal([ProductId.Parse("rue:r-1")], states[0].Products);
        Assert.Null(states[1].ETag);
        Assert.Null(states[1].LastModified);
        Assert.Equal([ProductId.Parse("rue:r-2"), ProductId.Parse("rue:r-3")], states[1].Products);
        Assert.Equal(At(1), states[1].SeenAt);
        Assert.NotNull(await Store.Catalog.GetAsync(ProductId.Parse("rue:r-3")));
    }

    [Fact]
    public async Task Committing_a_page_again_classifies_its_products_and_replaces_its_state()
    {
        await Pages.CommitAsync(Source, new PageBatch([new CrawledPage(PageA, "\"v1\"", null, [Bag(price: 100m)])], [], At(1)));
        var before = await Store.Changes.CurrentSequenceAsync();

        var commit = await Pages.CommitAsync(Source,
            new PageBatch([new CrawledPage(PageA, "\"v2\"", null, [Bag(price: 80m, seenAt: 2)])], [], At(2)));

        Assert.Equal([UpsertOutcome.PriceChanged], commit.Outcomes);
        Assert.Equal("\"v2\"", Assert.Single(await Pages.ListAsync(Source)).ETag);
        Assert.Equal(80m, (await Store.Catalog.GetAsync(Bag().Id))!.Price.Amount);
        Assert.True(await Store.Changes.CurrentSequenceAsync() > before);
    }

    [Fact]
    public async Task Unchanged_pages_move_their_products_last_seen_without_a_change_record()
    {
        await Pages.CommitAsync(Source, new PageBatch(
        [
            new CrawledPage(PageA, "\"v1\"", null, [Bag("rue:r-1")]),
            new CrawledPage(PageB, "\"v1\"", null, [Bag("rue:r-2")]),
        ], [], At(0)));
        var sequence = await Store.Changes.CurrentSequenceAsync();

        var commit = await Pages.CommitAsync(Source, new PageBatch([], [PageA, "http://127.0.0.1:5001/never-seen"], At(30)));

        Assert.Equal(1, commit.Touched);
        Assert.Equal(sequence, await Store.Changes.CurrentSequenceAsync());
        Assert.Equal(At(30), (await Store.Catalog.GetAsync(ProductId.Parse("rue:r-1")))!.LastSeen);
        Assert.Equal(At(0), (await Store.Catalog.GetAsync(ProductId.Parse("rue:r-2")))!.LastSeen);
        Assert.Equal(1, await Store.Catalog.MarkUnavailableAsync("rue", At(10)));
        Assert.Equal(Availability.Discontinued, (await Store.Catalog.GetAsync(ProductId.Parse("rue:r-2")))!.Availability);
        Assert.Equal(At(30), (await Pages.ListAsync(Source))[0].SeenAt);
    }

    [Fact]
    public async Task A_batch_with_a_blank_page_url_is_refused_and_stores_nothing()
    {
        var bad = new PageBatch(
        [
            new CrawledPage(PageA, "\"v1\"", null, [Bag("rue:r-1")]),
            new CrawledPage(" ", "\"v1\"", null, [Bag("rue:r-2")]),
        ], [], At(0));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Pages.CommitAsync(Source, bad));

        Assert.Empty(await Pages.ListAsync(Source));
        Assert.Null(await Store.Catalog.GetAsync(ProductId.Parse("rue:r-1")));
    }

    [Fact]
    public async Task Page_states_are_kept_per_source_and_forgotten_per_source()
    {
        var batch = new PageBatch([new CrawledPage(PageA, "\"v1\"", null, [Bag()])], [], At(0));
        await Pages.CommitAsync(Source, batch);
        await Pages.CommitAsync("mirror", batch);

        Assert.Equal(1, await Pages.ForgetAsync(Source));

        Assert.Empty(await Pages.ListAsync(Source));
        Assert.Single(await Pages.ListAsync("mirror"));
    }
}
