using System.Net;
using System.Text.Json;
using Pursearch.SearchNode.Tests.World;

namespace Pursearch.SearchNode.Tests;

[Collection(NodeCollection.Name)]
public sealed class SearchApiTests(SmallWorld world)
{
    [Fact]
    public async Task Search_answers_the_canonical_response()
    {
        var node = await world.SharedNodeAsync();

        var r = await Requests.SearchAsync(node.Http, world.StreetPhotos[0]);

        Assert.Equal("g1", r.GetProperty("generation").GetString());
        Assert.Equal("m1", r.GetProperty("modelVersion").GetString());
        Assert.False(r.GetProperty("partial").GetBoolean());
        Assert.Empty(r.GetProperty("missingShards").EnumerateArray());
        var crop = r.GetProperty("crop");
        Assert.Equal("auto", crop.GetProperty("mode").GetString());
        if (crop.GetProperty("found").GetBoolean())
            AssertBox(crop.GetProperty("box"));
        var identification = r.GetProperty("identification");
        Assert.Contains(identification.GetProperty("notHandbag").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.InRange(identification.GetProperty("notHandbagProbability").GetDouble(), 0, 1);
        var top = identification.GetProperty("top").EnumerateArray().ToList();
        Assert.Equal(3, top.Count);
        Assert.All(top, t => Assert.False(string.IsNullOrEmpty(t.GetProperty("brand").GetString())));
        Assert.True(top.Select(t => t.GetProperty("probability").GetDouble()).SequenceEqual(
            top.Select(t => t.GetProperty("probability").GetDouble()).OrderDescending()));
        var plan = r.GetProperty("plan");
        Assert.Equal(8, plan.GetProperty("hnsw").GetInt32() + plan.GetProperty("exact").GetInt32());
        var timings = r.GetProperty("timingsMs");
        foreach (var stage in new[] { "decode", "crop", "embed", "search", "total" })
            Assert.True(timings.GetProperty(stage).GetDouble() >= 0, stage);
        Assert.True(timings.GetProperty("total").GetDouble() >= timings.GetProperty("embed").GetDouble());
        var results = r.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(12, results.Count);
        var scores = results.Select(x => x.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        foreach (var result in results)
        {
            var id = result.GetProperty("productId").GetString()!;
            Assert.StartsWith(result.GetProperty("retailer").GetString() + ":", id);
            Assert.False(string.IsNullOrEmpty(result.GetProperty("brand").GetString()));
            Assert.False(string.IsNullOrEmpty(result.GetProperty("name").GetString()));
            Assert.True(result.GetProperty("price").GetProperty("amount").GetDecimal() > 0);
            Assert.Equal(3, result.GetProperty("price").GetProperty("currency").GetString()!.Length);
            Assert.StartsWith("/api/v1/images/", result.GetProperty("imageUrl").GetString());
            Assert.StartsWith("https://", result.GetProperty("productUrl").GetString());
        }
    }

    [Fact]
    public async Task Results_collapse_colour_variants_unless_asked_not_to()
    {
        var node = await world.SharedNodeAsync();

        var collapsed = await Requests.SearchAsync(node.Http, world.StreetPhotos[1], "?k=40");
        var all = await Requests.SearchAsync(node.Http, world.StreetPhotos[1], "?k=40&collapse=false");

        Assert.Equal(Families(collapsed).Count, Families(collapsed).Distinct().Count());
        Assert.True(Families(all).Count > Families(all).Distinct().Count(), "the world has colour variants that rank together");
        Assert.Equal(all.GetProperty("results")[0].GetProperty("productId").GetString(),
            collapsed.GetProperty("results")[0].GetProperty("productId").GetString());
    }

    [Fact]
    public async Task Price_cap_returns_only_cheaper_results_in_the_asked_currency()
    {
        var node = await world.SharedNodeAsync();
        var unfiltered = await Requests.SearchAsync(node.Http, world.StreetPhotos[2], "?k=30&collapse=false");
        var cap = Median(unfiltered.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("convertedPrice").GetProperty("amount").GetDecimal()));

        var capped = await Requests.SearchAsync(node.Http, world.StreetPhotos[2], $"?k=30&collapse=false&maxPrice={cap}&currency=USD");
        var inEuros = await Requests.SearchAsync(node.Http, world.StreetPhotos[2], "?k=30&collapse=false&maxPrice=200&currency=EUR");

        var results = capped.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.GetProperty("convertedPrice").GetProperty("amount").GetDecimal() <= cap));
        Assert.All(results, r => Assert.Equal("USD", r.GetProperty("convertedPrice").GetProperty("currency").GetString()));
        Assert.All(inEuros.GetProperty("results").EnumerateArray(), r =>
        {
            Assert.Equal("EUR", r.GetProperty("convertedPrice").GetProperty("currency").GetString());
            Assert.True(r.GetProperty("convertedPrice").GetProperty("amount").GetDecimal() <= 200);
        });
        Assert.Contains(unfiltered.GetProperty("results").EnumerateArray(),
            r => r.GetProperty("convertedPrice").GetProperty("amount").GetDecimal() > cap);
    }

    [Fact]
    public async Task Retailer_filter_keeps_only_those_retailers_whether_query_or_form_fields()
    {
        var node = await world.SharedNodeAsync();
        var facets = await Requests.GetJsonAsync(node.Http, "/api/v1/facets");
        var retailers = facets.GetProperty("retailers").EnumerateArray().Select(r => r.GetProperty("value").GetString()!).ToList();
        var (first, second) = (retailers[0], retailers[1]);

        var byQuery = await Requests.SearchAsync(node.Http, world.StreetPhotos[0], $"?retailer={first}&retailer={second}&k=20");
        using var formResponse = await node.Http.PostAsync("/api/v1/search",
            Requests.Photo(world.StreetPhotos[0], fields: [("retailer", first), ("k", "20")]));
        var byForm = JsonDocument.Parse(await formResponse.Content.ReadAsStringAsync()).RootElement;

        Assert.All(byQuery.GetProperty("results").EnumerateArray(),
            r => Assert.Contains(r.GetProperty("retailer").GetString(), new[] { first, second }));
        Assert.Equal(HttpStatusCode.OK, formResponse.StatusCode);
        Assert.NotEmpty(byForm.GetProperty("results").EnumerateArray());
        Assert.All(byForm.GetProperty("results").EnumerateArray(), r => Assert.Equal(first, r.GetProperty("retailer").GetString()));
    }

    [Fact]
    public async Task Crop_off_searches_the_whole_photo()
    {
        var node = await world.SharedNodeAsync();

        var r = await Requests.SearchAsync(node.Http, world.StreetPhotos[0], "?crop=off");

        Assert.Equal("off", r.GetProperty("crop").GetProperty("mode").GetString());
        Assert.False(r.GetProperty("crop").GetProperty("found").GetBoolean());
        Assert.NotEmpty(r.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task Facets_count_the_catalog_by_retailer_brand_style_and_price()
    {
        var node = await world.SharedNodeAsync();

        var facets = await Requests.GetJsonAsync(node.Http, "/api/v1/facets");
        var cheap = await Requests.GetJsonAsync(node.Http, "/api/v1/facets?maxPrice=250");

        Assert.Equal(SmallWorld.Products, facets.GetProperty("total").GetInt64());
        var retailers = facets.GetProperty("retailers").EnumerateArray().ToList();
        Assert.Equal(SmallWorld.Products, retailers.Sum(r => r.GetProperty("count").GetInt64()));
        Assert.Equal(world.Forge.Products.Select(p => p.Retailer.Slug).Distinct().Order(), retailers.Select(r => r.GetProperty("value").GetString()).Order());
        var labelled = retailers.Single(r => r.GetProperty("value").GetString() == world.Forge.Products[0].Retailer.Slug);
        Assert.Equal(world.Forge.Products[0].Retailer.Name, labelled.GetProperty("label").GetString());
        Assert.Equal(SmallWorld.Products, facets.GetProperty("brands").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64()));
        Assert.Contains("USD", facets.GetProperty("currencies").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("EUR", facets.GetProperty("currencies").EnumerateArray().Select(c => c.GetString()));
        Assert.True(cheap.GetProperty("total").GetInt64() < facets.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Product_is_answered_by_id_and_unknown_ids_are_not_found()
    {
        var node = await world.SharedNodeAsync();
        var expected = world.Forge.Products[5];

        var product = await Requests.GetJsonAsync(node.Http, $"/api/v1/products/{expected.Id}");
        using var missing = await node.Http.GetAsync("/api/v1/products/rue:no-such-sku");
        using var malformed = await node.Http.GetAsync("/api/v1/products/not-an-id");

        Assert.Equal(expected.Id.ToString(), product.GetProperty("productId").GetString());
        Assert.Equal(expected.Name, product.GetProperty("name").GetString());
        Assert.Equal(expected.FamilyId, product.GetProperty("familyId").GetString());
        Assert.Equal(expected.Price.Amount, product.GetProperty("price").GetProperty("amount").GetDecimal());
        await Requests.AssertProblemAsync(missing, 404, "not-found");
        await Requests.AssertProblemAsync(malformed, 404, "not-found");
    }

    [Fact]
    public async Task Similar_never_returns_the_product_itself_or_its_colour_variants()
    {
        var node = await world.SharedNodeAsync();
        var withVariants = world.Forge.Products
            .GroupBy(p => (p.Retailer.Slug, p.FamilyId)).Where(g => g.Count() > 1).Select(g => g.First()).ToList();
        Assert.NotEmpty(withVariants);

        foreach (var product in withVariants.Take(4))
        {
            var similar = await Requests.GetJsonAsync(node.Http, $"/api/v1/products/{product.Id}/similar?k=50&collapse=false");
            var results = similar.GetProperty("results").EnumerateArray().ToList();
            Assert.NotEmpty(results);
            Assert.DoesNotContain(results, r => r.GetProperty("productId").GetString() == product.Id.ToString());
            Assert.DoesNotContain(results, r => r.GetProperty("retailer").GetString() == product.Retailer.Slug &&
                                                r.GetProperty("familyId").GetString() == product.FamilyId);
        }
    }

    [Fact]
    public async Task Thumbnails_are_resized_jpegs_with_long_cache_headers_and_an_etag()
    {
        var node = await world.SharedNodeAsync();
        var product = await Requests.GetJsonAsync(node.Http, $"/api/v1/products/{world.Forge.Products[0].Id}");
        var url = product.GetProperty("imageUrl").GetString()!;

        using var response = await node.Http.GetAsync(url + "?size=160");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var again = new HttpRequestMessage(HttpMethod.Get, url + "?size=160");
        again.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.ToString());
        using var notModified = await node.Http.SendAsync(again);
        using var unknown = await node.Http.GetAsync("/api/v1/images/" + new string('a', 64));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=31536000", response.Headers.CacheControl!.ToString());
        using var thumbnail = SkiaSharp.SKBitmap.Decode(bytes);
        Assert.Equal(160, Math.Max(thumbnail.Width, thumbnail.Height));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        await Requests.AssertProblemAsync(unknown, 404, "not-found");
    }

    [Fact]
    public async Task Examples_are_held_out_street_photos_the_page_can_search()
    {
        var node = await world.SharedNodeAsync();

        var examples = await Requests.GetJsonAsync(node.Http, "/api/v1/examples");
        var first = examples.EnumerateArray().First();
        var photo = await node.Http.GetByteArrayAsync(first.GetProperty("url").GetString());
        using var traversal = await node.Http.GetAsync("/api/v1/examples/..%2F..%2Fadmin.token");

        Assert.InRange(examples.GetArrayLength(), 1, 8);
        Assert.Contains(photo, world.StreetPhotos);
        Assert.NotEmpty((await Requests.SearchAsync(node.Http, photo)).GetProperty("results").EnumerateArray());
        await Requests.AssertProblemAsync(traversal, 404, "not-found");
    }

    [Fact]
    public async Task Health_readiness_metrics_openapi_and_the_page_are_served()
    {
        var node = await world.SharedNodeAsync();
        await Requests.SearchAsync(node.Http, world.StreetPhotos[0]);

        var ready = await Requests.GetJsonAsync(node.Http, "/readyz");
        var metrics = await node.Http.GetStringAsync("/metrics");
        var openApi = await Requests.GetJsonAsync(node.Http, "/openapi/v1.json");
        var page = await node.Http.GetStringAsync("/");
        var script = await node.Http.GetStringAsync("/app.js");
        using var scalar = await node.Http.GetAsync("/scalar/");

        Assert.Equal("alive", (await Requests.GetJsonAsync(node.Http, "/healthz")).GetProperty("status").GetString());
        Assert.Equal("g1", ready.GetProperty("generation").GetString());
        Assert.Equal(SmallWorld.Products, ready.GetProperty("vectors").GetInt64());
        var names = metrics.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('{', ' ')[0]).Distinct().ToList();
        Assert.All(names, name => Assert.StartsWith("pursearch_", name));
        foreach (var expected in new[] { "pursearch_http_request_duration_seconds_bucket", "pursearch_search_queries_total",
                     "pursearch_search_shard_plans_total", "pursearch_index_vectors", "pursearch_search_stage_duration_seconds_bucket" })
            Assert.Contains(expected, names);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/search", out _));
        Assert.Contains("<form id=\"search-form\"", page);
        Assert.Contains("/api/v1/search", script);
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }

    private static List<string> Families(JsonElement response) =>
        [.. response.GetProperty("results").EnumerateArray().Select(r => $"{r.GetProperty("retailer").GetString()}:{r.GetProperty("familyId").GetString()}")];

    private static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static void AssertBox(JsonElement box)
    {
        var (x, y, w, h) = (box.GetProperty("x").GetDouble(), box.GetProperty("y").GetDouble(), box.GetProperty("w").GetDouble(), box.GetProperty("h").GetDouble());
        Assert.InRange(x, 0, 1);
        Assert.InRange(y, 0, 1);
        Assert.InRange(x + w, 0, 1.0001);
        Assert.InRange(y + h, 0, 1.0001);
        Assert.True(w > 0 && h > 0);
    }
}
