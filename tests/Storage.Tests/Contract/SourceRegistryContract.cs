using Pursearch.Core;
using Pursearch.Storage.Contracts;
using static Pursearch.Storage.Tests.Contract.Samples;

namespace Pursearch.Storage.Tests.Contract;

/// <summary>Source registry contract: add, read back every setting, list by name, refuse duplicates, remove with page states.</summary>
public abstract class SourceRegistryContract : StoreContract
{
    private ISourceRegistry Sources => ScrapeState.Of(Store).Sources;

    public static ScrapeSource Source(string name = "rue-shop", string retailer = "rue", string? schedule = null) =>
        new(name, retailer, [new Uri("http://127.0.0.1:5001/"), new Uri("http://127.0.0.1:5001/sitemap_index.xml")],
            ["127.0.0.1:5001", "*.cdn.example"], requestsPerSecond: 2.5, maxPages: 400, allowPrivate: true,
            schedule: schedule, createdAt: At(0));

    [Fact]
    public async Task A_source_reads_back_with_every_setting()
    {
        var source = Source(schedule: "0 3 * * *");
        await Sources.AddAsync(source);

        var stored = await Sources.GetAsync("RUE-SHOP");

        Assert.Equal(source, stored);
        Assert.Equal(["127.0.0.1:5001", "*.cdn.example"], stored!.AllowedHosts);
        Assert.Equal(2.5, stored.RequestsPerSecond);
        Assert.True(stored.AllowPrivate);
        Assert.Equal("0 3 * * *", stored.Schedule);
    }

    [Fact]
    public async Task Sources_list_by_name_and_a_taken_name_is_a_conflict()
    {
        await Sources.AddAsync(Source("zeta", "rue"));
        await Sources.AddAsync(Source("alpha", "harlow"));
        await Assert.ThrowsAsync<StoreConflictException>(() => Sources.AddAsync(Source("alpha", "rue")));

        Assert.Equal(["alpha", "zeta"], (await Sources.ListAsync()).Select(s => s.Name));
        Assert.Equal("harlow", (await Sources.GetAsync("alpha"))!.Retailer);
    }

    [Fact]
    public async Task Removing_a_source_forgets_its_page_states_but_keeps_its_products()
    {
        await Sources.AddAsync(Source());
        await Sources.AddAsync(Source("other"));
        var pages = ScrapeState.Of(Store).Pages;
        var batch = new PageBatch([new CrawledPage("http://127.0.0.1:5001/p/r-1", "\"e1\"", null, [Bag()])], [], At(1));
        await pages.CommitAsync("rue-shop", batch);
        await pages.CommitAsync("other", batch);

        Assert.True(await Sources.RemoveAsync("rue-shop"));
        Assert.False(await Sources.RemoveAsync("rue-shop"));

        Assert.Null(await Sources.GetAsync("rue-shop"));
        Assert.Empty(await pages.ListAsync("rue-shop"));
        Assert.Single(await pages.ListAsync("other"));
        Assert.NotNull(await Store.Catalog.GetAsync(Bag().Id));
    }

    [Theory]
    [InlineData("", "rue", "http://a.example/", null, "name")]
    [InlineData("no spaces", "rue", "http://a.example/", null, "name")]
    [InlineData("ok", "Not A Slug", "http://a.example/", null, "retailer")]
    [InlineData("ok", "rue", "ftp://a.example/", null, "startUrls")]
    [InlineData("ok", "rue", "http://a.example/", "every day", "schedule")]
    public void Bad_sources_are_refused_naming_the_field(string name, string retailer, string url, string? schedule, string field) =>
        Assert.Equal(field, Assert.Throws<DomainException>(() =>
            new ScrapeSource(name, retailer, [new Uri(url)], schedule: schedule)).Field);

    [Fact]
    public void Rates_budgets_and_hosts_are_checked()
    {
        Uri[] start = [new("http://a.example/")];
        Assert.Equal("requestsPerSecond", Assert.Throws<DomainException>(() => new ScrapeSource("s", "rue", start, requestsPerSecond: 0)).Field);
        Assert.Equal("maxPages", Assert.Throws<DomainException>(() => new ScrapeSource("s", "rue", start, maxPages: 0)).Field);
        Assert.Equal("allowedHosts", Assert.Throws<DomainException>(() => new ScrapeSource("s", "rue", start, ["a b"])).Field);
        Assert.Equal("startUrls", Assert.Throws<DomainException>(() => new ScrapeSource("s", "rue", [])).Field);
    }
}
