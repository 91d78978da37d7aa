using Pursearch.Core.Catalog;
using Pursearch.SearchNode.Search;

namespace Pursearch.SearchNode.Http;

/// <summary>One catalog product as <c>GET /api/v1/products/{id}</c> answers it.</summary>
public sealed record ProductResponse(
    string ProductId, string Retailer, string Sku, string Brand, string Name, string Style, string FamilyId, string Colour,
    MoneyResponse Price, string Availability, string ProductUrl, string? ImageUrl, DateTimeOffset FirstSeen, DateTimeOffset LastSeen)
{
    public static ProductResponse From(Product p) => new(
        p.Id.ToString(), p.Id.Retailer, p.Id.Sku, p.Brand, p.Name, p.Style, p.FamilyId, p.Colour,
        new MoneyResponse(p.Price.Amount, p.Price.Currency.Code), p.Availability.ToString(), p.ProductUrl.AbsoluteUri,
        ResultMapper.ImageUrl(p.ImageSha256), p.FirstSeen, p.LastSeen);
}

/// <summary>Facet counts for the shopper page's filters, and the currencies prices can be compared in.</summary>
public sealed record FacetsResponse(
    string Currency, long Total, IReadOnlyList<FacetValue> Retailers, IReadOnlyList<FacetValue> Brands,
    IReadOnlyList<FacetValue> Styles, IReadOnlyList<PriceBucket> PriceBuckets, IReadOnlyList<string> Currencies);

/// <summary>A filter value, its display label and how many products carry it.</summary>
public sealed record FacetValue(string Value, string Label, long Count);

/// <summary>How many products cost less than <see cref="Under"/> (null: any price).</summary>
public sealed record PriceBucket(decimal? Under, long Count);

/// <summary>An example photo the page can try.</summary>
public sealed record ExampleResponse(string Name, string Url);

/// <summary>What <c>/readyz</c> says when the node can answer.</summary>
public sealed record ReadyResponse(string Status, string Generation, string? ModelVersion, int Shards, long Vectors);
