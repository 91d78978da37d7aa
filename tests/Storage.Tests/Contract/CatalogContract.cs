using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Core.Search;
using Pursearch.Storage.Contracts;
using static Pursearch.Storage.Tests.Contract.Samples;

namespace Pursearch.Storage.Tests.Contract;

/// <summary>Catalog contract: upsert classification, lookup, marking unavailable, paging by filter, facets.</summary>
public abstract class CatalogContract : StoreContract
{
    [Fact]
    public async Task A_new_product_is_created_and_reads_back_equal()
    {
        var bag = Bag(sha: Sha("a"), style: "Flap", colour: "red", price: 39.90m, currency: "EUR");
        Assert.Equal(UpsertOutcome.Created, await Store.Catalog.UpsertAsync(bag));
        Assert.Equal(bag, await Store.Catalog.GetAsync(bag.Id));
    }

    [Fact]
    public async Task A_missing_product_reads_as_null() =>
        Assert.Null(await Store.Catalog.GetAsync(ProductId.Parse("rue:nothing")));

    [Fact]
    public async Task The_same_content_is_unchanged_and_only_last_seen_moves()
    {
        await Store.Catalog.UpsertAsync(Bag(seenAt: 0));
        Assert.Equal(UpsertOutcome.Unchanged, await Store.Catalog.UpsertAsync(Bag(seenAt: 60)));
        var stored = await Store.Catalog.GetAsync(Bag().Id);
        Assert.Equal(At(0), stored!.FirstSeen);
        Assert.Equal(At(60), stored.LastSeen);
    }

    [Fact]
    public async Task Last_seen_never_moves_back_when_an_older_sighting_arrives_late()
    {
        await Store.Catalog.UpsertAsync(Bag(seenAt: 60));
        await Store.Catalog.UpsertAsync(Bag(seenAt: 30, price: 90m));
        var stored = await Store.Catalog.GetAsync(Bag().Id);
        Assert.Equal(At(60), stored!.LastSeen);
        Assert.Equal(90m, stored.Price.Amount);
    }

    [Fact]
    public async Task A_price_or_availability_change_is_price_changed_and_keeps_first_seen()
    {
        await Store.Catalog.UpsertAsync(Bag(seenAt: 0));
        Assert.Equal(UpsertOutcome.PriceChanged, await Store.Catalog.UpsertAsync(Bag(price: 80m, seenAt: 10)));
        Assert.Equal(UpsertOutcome.PriceChanged,
            await Store.Catalog.UpsertAsync(Bag(price: 80m, availability: Availability.OutOfStock, seenAt: 20)));
        Assert.Equal(UpsertOutcome.PriceChanged, await Store.Catalog.UpsertAsync(Bag(price: 80m, currency: "EUR", seenAt: 30)));
        var stored = await Store.Catalog.GetAsync(Bag().Id);
        Assert.Equal(new Money(80m, "EUR"), stored!.Price);
        Assert.Equal(Availability.InStock, stored.Availability);
        Assert.Equal(At(0), stored.FirstSeen);
        Assert.Equal(At(30), stored.LastSeen);
    }

    [Fact]
    public async Task An_image_url_or_image_hash_change_is_image_changed_even_with_a_price_change()
    {
        await Store.Catalog.UpsertAsync(Bag(sha: Sha("v1")));
        Assert.Equal(UpsertOutcome.ImageChanged, await Store.Catalog.UpsertAsync(Bag(sha: Sha("v2"))));
        Assert.Equal(UpsertOutcome.ImageChanged,
            await Store.Catalog.UpsertAsync(Bag(image: "https://rue.example/i/new.jpg", sha: Sha("v2"))));
        Assert.Equal(UpsertOutcome.ImageChanged,
            await Store.Catalog.UpsertAsync(Bag(image: "https://rue.example/i/newer.jpg", sha: Sha("v3"), price: 1m, name: "Renamed")));
        Assert.Equal(Sha("v3"), (await Store.Catalog.GetAsync(Bag().Id))!.ImageSha256);
    }

    [Fact]
    public async Task A_change_of_other_fields_is_changed_even_with_a_price_change()
    {
        await Store.Catalog.UpsertAsync(Bag());
        Assert.Equal(UpsertOutcome.Changed, await Store.Catalog.UpsertAsync(Bag(name: "Quilted Chain Bag II")));
        Assert.Equal(UpsertOutcome.Changed, await Store.Catalog.UpsertAsync(Bag(name: "Quilted Chain Bag II", brand: "Rue Paris", price: 5m)));
        Assert.Equal(UpsertOutcome.Changed, await Store.Catalog.UpsertAsync(Bag(name: "Quilted Chain Bag II", brand: "Rue Paris", price: 5m, colour: "tan")));
        Assert.Equal("Rue Paris", (await Store.Catalog.GetAsync(Bag().Id))!.Brand);
    }

    [Fact]
    public async Task An_unknown_image_hash_keeps_the_stored_one_while_the_image_url_is_the_same()
    {
        await Store.Catalog.UpsertAsync(Bag(sha: Sha("v1")));
        Assert.Equal(UpsertOutcome.Unchanged, await Store.Catalog.UpsertAsync(Bag(sha: null)));
        Assert.Equal(Sha("v1"), (await Store.Catalog.GetAsync(Bag().Id))!.ImageSha256);

        Assert.Equal(UpsertOutcome.ImageChanged,
            await Store.Catalog.UpsertAsync(Bag(sha: null, image: "https://rue.example/i/other.jpg")));
        Assert.Null((await Store.Catalog.GetAsync(Bag().Id))!.ImageSha256);
    }

    [Fact]
    public async Task A_batch_answers_in_order_and_later_items_see_earlier_ones()
    {
        await Store.Catalog.UpsertAsync(Bag("rue:a"));
        var outcomes = await Store.Catalog.UpsertManyAsync(
        [
            Bag("rue:b"), Bag("rue:a"), Bag("rue:a", price: 1m), Bag("rue:b", name: "Other"), Bag("rue:c", sha: Sha("c")),
        ]);
        Assert.Equal([UpsertOutcome.Created, UpsertOutcome.Unchanged, UpsertOutcome.PriceChanged, UpsertOutcome.Changed,
            UpsertOutcome.Created], outcomes);
        Assert.Equal("Other", (await Store.Catalog.GetAsync(ProductId.Parse("rue:b")))!.Name);
        Assert.Empty(await Store.Catalog.UpsertManyAsync([]));
    }

    [Fact]
    public async Task Products_of_a_retailer_not_seen_since_a_time_are_marked_discontinued_not_deleted()
    {
        await Store.Catalog.UpsertManyAsync(
        [
            Bag("rue:old", seenAt: 0), Bag("rue:fresh", seenAt: 100), Bag("kestrel:old", seenAt: 0),
            Bag("rue:old-out", seenAt: 0, availability: Availability.OutOfStock),
        ]);
        Assert.Equal(2, await Store.Catalog.MarkUnavailableAsync("Rue", At(50)));
        Assert.Equal(0, await Store.Catalog.MarkUnavailableAsync("rue", At(50)));

        async Task<Availability> Of(string id) => (await Store.Catalog.GetAsync(ProductId.Parse(id)))!.Availability;
        Assert.Equal(Availability.Discontinued, await Of("rue:old"));
        Assert.Equal(Availability.Discontinued, await Of("rue:old-out"));
        Assert.Equal(Availability.InStock, await Of("rue:fresh"));
        Assert.Equal(Availability.InStock, await Of("kestrel:old"));

        Assert.Equal(UpsertOutcome.PriceChanged, await Store.Catalog.UpsertAsync(Bag("rue:old", seenAt: 200)));
        Assert.Equal(Availability.InStock, await Of("rue:old"));
    }

    public static TheoryData<string> Filters => new()
    {
        "none", "unavailable-too", "under-250-usd", "100-to-600-eur", "over-1000-gbp", "retailers", "brands-styles",
        "everything",
    };

    private static SearchFilter FilterNamed(string name) => name switch
    {
        "none" => SearchFilter.None,
        "unavailable-too" => new SearchFilter(includeUnavailable: true),
        "under-250-usd" => new SearchFilter(maxPrice: 250m),
        "100-to-600-eur" => new SearchFilter(minPrice: 100m, maxPrice: 600m, currency: Currency.Eur, includeUnavailable: true),
        "over-1000-gbp" => new SearchFilter(minPrice: 1000m, currency: Currency.Gbp),
        "retailers" => new SearchFilter(retailers: ["rue", "kestrel"]),
        "brands-styles" => new SearchFilter(brands: ["Vale", "Rue"], styles: ["Tote", "Hobo"], includeUnavailable: true),
        "everything" => new SearchFilter(10m, 900m, Currency.Eur, ["rue", "ardent-shop"], ["Vale", "Maison Ardent", "Rue"],
            ["Flap", "Tote"]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Filters), MemberType = typeof(CatalogContract))]
    public async Task Paging_by_filter_walks_exactly_the_matching_products_in_id_order(string filterName)
    {
        var catalog = VariedCatalog(90);
        await Store.Catalog.UpsertManyAsync(catalog);
        var filter = FilterNamed(filterName);
        var expected = catalog.Where(p => filter.Matches(p, ExchangeRates.Default))
            .OrderBy(p => p.Id.ToString(), StringComparer.Ordinal).ToList();

        var walked = await WalkAsync(filter, pageSize: 7);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task Keyset_paging_neither_repeats_nor_skips_when_products_arrive_mid_walk()
    {
        var catalog = VariedCatalog(30).Select(p => p.WithAvailability(Availability.InStock)).ToList();
        await Store.Catalog.UpsertManyAsync(catalog);
        var first = await Store.Catalog.PageAsync(SearchFilter.None, null, 10);
        await Store.Catalog.UpsertManyAsync([Bag("ardent-shop:aaa-early"), Bag("vale:zzz-late")]);
        var rest = await WalkAsync(SearchFilter.None, pageSize: 10, after: first.Next);

        var walked = first.Items.Concat(rest).Select(p => p.Id.ToString()).ToList();
        Assert.Equal(walked.Distinct().Count(), walked.Count);
        Assert.All(catalog, p => Assert.Contains(p.Id.ToString(), walked));
        Assert.Contains("vale:zzz-late", walked);
        Assert.Equal(walked.Order(StringComparer.Ordinal), walked);
    }

    [Fact]
    public async Task The_last_page_has_no_next_cursor()
    {
        await Store.Catalog.UpsertManyAsync([Bag("rue:1"), Bag("rue:2")]);
        var full = await Store.Catalog.PageAsync(SearchFilter.None, null, 2);
        Assert.Equal(2, full.Items.Count);
        Assert.Null(full.Next);
        var partial = await Store.Catalog.PageAsync(SearchFilter.None, null, 1);
        Assert.Equal(ProductId.Parse("rue:1"), partial.Next);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public async Task A_page_size_out_of_range_is_refused(int limit)
    {
        var e = await Assert.ThrowsAsync<DomainException>(() => Store.Catalog.PageAsync(SearchFilter.None, null, limit));
        Assert.Equal("limit", e.Field);
    }

    [Fact]
    public async Task Facets_count_values_and_cumulative_price_buckets_in_the_filter_currency()
    {
        await Store.Catalog.UpsertManyAsync(
        [
            Bag("rue:1", 40m, brand: "Rue", style: "Flap"),
            Bag("rue:2", 45m, "EUR", brand: "Rue", style: "Tote"),             // 48.60 USD, 45 EUR
            Bag("rue:3", 300m, brand: "Vale", style: "Tote"),
            Bag("kestrel:1", 1200m, brand: "Vale", style: ""),
            Bag("kestrel:2", 10m, brand: "Kestrel", availability: Availability.OutOfStock),
        ]);

        var usd = await Store.Catalog.FacetsAsync(SearchFilter.None);
        Assert.Equal(4, usd.Total);
        Assert.Equal([new FacetCount("rue", 3), new FacetCount("kestrel", 1)], usd.Retailers);
        Assert.Equal([new FacetCount("Rue", 2), new FacetCount("Vale", 2)], usd.Brands);
        Assert.Equal([new FacetCount("Tote", 2), new FacetCount("Flap", 1)], usd.Styles);
        Assert.Equal([2L, 2, 3, 3, 3, 4], usd.PriceBuckets.Select(b => b.Count));
        Assert.Equal([50m, 250m, 500m, 750m, 1000m, null], usd.PriceBuckets.Select(b => b.Under));
        Assert.Equal(Currency.Usd, usd.Currency);

        // 1200 USD is 1111.11 EUR and 300 USD is 277.78 EUR: the buckets move with the currency.
        var eur = await Store.Catalog.FacetsAsync(new SearchFilter(currency: Currency.Eur, includeUnavailable: true));
        Assert.Equal(5, eur.Total);
        Assert.Equal([3L, 3, 4, 4, 4, 5], eur.PriceBuckets.Select(b => b.Count));

        var rueOnly = await Store.Catalog.FacetsAsync(new SearchFilter(retailers: ["rue"], maxPrice: 100m));
        Assert.Equal(2, rueOnly.Total);
        Assert.Equal([new FacetCount("Flap", 1), new FacetCount("Tote", 1)], rueOnly.Styles);
    }

    [Fact]
    public async Task Facets_agree_with_the_filter_over_a_varied_catalog()
    {
        var catalog = VariedCatalog(90);
        await Store.Catalog.UpsertManyAsync(catalog);
        var filter = new SearchFilter(currency: Currency.Gbp, includeUnavailable: true, brands: ["Rue", "Vale"]);
        var matching = catalog.Where(p => filter.Matches(p, ExchangeRates.Default)).ToList();

        var facets = await Store.Catalog.FacetsAsync(filter);

        Assert.Equal(matching.Count, facets.Total);
        Assert.Equal(matching.GroupBy(p => p.Id.Retailer).ToDictionary(g => g.Key, g => (long)g.Count()),
            facets.Retailers.ToDictionary(f => f.Value, f => f.Count));
        Assert.Equal(matching.Where(p => p.Style != "").GroupBy(p => p.Style).ToDictionary(g => g.Key, g => (long)g.Count()),
            facets.Styles.ToDictionary(f => f.Value, f => f.Count));
        var inGbp = matching.Select(p => ExchangeRates.Default.Convert(p.Price, Currency.Gbp).Amount).ToList();
        Assert.Equal(CatalogFacets.PriceLimits.Select(limit => (long)inGbp.Count(a => a < limit)).Append(matching.Count),
            facets.PriceBuckets.Select(b => b.Count));
    }

    private async Task<List<Product>> WalkAsync(SearchFilter filter, int pageSize, ProductId? after = null)
    {
        var walked = new List<Product>();
        do
        {
            var page = await Store.Catalog.PageAsync(filter, after, pageSize);
            Assert.True(page.Items.Count <= pageSize);
            walked.AddRange(page.Items);
            after = page.Next;
        } while (after is not null);
        return walked;
    }
}
