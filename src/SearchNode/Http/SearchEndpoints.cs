using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Core.Search;
using Pursearch.SearchNode.Search;
using Pursearch.Storage.Contracts;

namespace Pursearch.SearchNode.Http;

/// <summary>The public search API: photo search, products, similar products and facets.</summary>
public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapPost("/search", SearchAsync)
            .WithName("search")
            .WithSummary("Search by photo")
            .WithDescription("multipart/form-data with an 'image' file (or a raw image body). Parameters as query or form " +
                "fields: crop=auto|off, minPrice, maxPrice, currency, retailer (repeatable), brand, style, k (1..100, " +
                "default 12), collapse (default true: one colour variant per product family).")
            .Produces<SearchResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();
        api.MapGet("/products/{id}", ProductAsync)
            .WithName("product").WithSummary("One catalog product")
            .Produces<ProductResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/products/{id}/similar", SimilarAsync)
            .WithName("similar").WithSummary("Products similar to one product, never itself or its colour variants")
            .Produces<SimilarResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/facets", FacetsAsync)
            .WithName("facets").WithSummary("Counts by retailer, brand, style and price bucket; the currencies prices compare in")
            .Produces<FacetsResponse>();
        return api;
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, UploadReader uploads, SearchParameters parameters,
        PhotoSearch search, CancellationToken cancel)
    {
        using var photo = await uploads.ReadAsync(request, cancel);
        var query = await parameters.ReadAsync(new RequestParameters(request.Query, photo.Fields), cancel);
        return TypedResults.Ok(await search.SearchAsync(photo.Bytes, query, cancel));
    }

    private static async Task<IResult> ProductAsync(string id, IStore store, CancellationToken cancel)
    {
        var product = await store.Catalog.GetAsync(ParseId(id), cancel)
            ?? throw new ResourceNotFoundException($"no product '{id}'");
        return TypedResults.Ok(ProductResponse.From(product));
    }

    private static async Task<IResult> SimilarAsync(string id, HttpRequest request, SearchParameters parameters,
        SimilarProducts similar, CancellationToken cancel)
    {
        var p = new RequestParameters(request.Query);
        var filter = await parameters.FilterAsync(p, cancel);
        var k = p.Int("k", SearchSettings.DefaultK, 1, SearchSettings.MaxK);
        return TypedResults.Ok(await similar.FindAsync(ParseId(id), filter, k, p.Flag("collapse", true), cancel));
    }

    private static async Task<IResult> FacetsAsync(HttpRequest request, SearchParameters parameters, IStore store,
        RetailerLabels labels, ExchangeRates rates, CancellationToken cancel)
    {
        var filter = await parameters.FilterAsync(new RequestParameters(request.Query), cancel);
        var facets = await store.Catalog.FacetsAsync(filter, cancel);
        return TypedResults.Ok(new FacetsResponse(
            facets.Currency.Code, facets.Total,
            [.. facets.Retailers.Select(f => new FacetValue(f.Value, labels.Of(f.Value), f.Count))],
            [.. facets.Brands.Select(f => new FacetValue(f.Value, f.Value, f.Count))],
            [.. facets.Styles.Select(f => new FacetValue(f.Value, f.Value, f.Count))],
            [.. facets.PriceBuckets.Select(b => new PriceBucket(b.Under, b.Count))],
            [.. rates.Currencies.Select(c => c.Code).Order(StringComparer.Ordinal)]));
    }

    private static ProductId ParseId(string id) =>
        ProductId.TryParse(id, out var parsed) ? parsed : throw new ResourceNotFoundException($"'{id}' is not a product id (retailer:sku)");
}
